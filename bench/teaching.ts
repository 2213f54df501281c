// `npm run bench:teaching -- [--classes 20] [--seconds 8]`: the two heaviest things a teacher
// does many times a day, measured over HTTP against the built server on PostgreSQL:
//   - saving attendance for a 40-student class (one PUT with the whole register), and
//   - loading a 40 × 20 gradebook grid (40 students, 20 assessments, 800 scores).
// Each is run with one connection (a teacher's latency) and with ten (a staff room at once),
// over `--classes` classes of one school taught by the signed-in teacher. Needs a build
// (`npm run build`) and BENCH_DATABASE_URL (a PostgreSQL server URL; the script creates and
// drops its own database). Prints a Markdown table and writes bench/results/teaching.json.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { migratePostgres } from '../src/server/platform/db/database.js';
import { dbUrl } from './lib/dataset.js';
import { start } from './lib/processes.js';

const { values } = parseArgs({
  options: {
    classes: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '8' },
  },
});
const CLASSES = Number(values.classes);
const SECONDS = Number(values.seconds);
const STUDENTS_PER_CLASS = 40;
const ASSESSMENTS_PER_CLASS = 20;

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  process.stderr.write(
    'Set BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres\n',
  );
  process.exit(2);
}
if (!fs.existsSync('dist/server/main.js')) {
  process.stderr.write('Build first: npm run build\n');
  process.exit(2);
}

interface Seeded {
  slug: string;
  cookie: string;
  classIds: string[];
  /** Per class, the ids of its students in roster order. */
  rosters: Map<string, string[]>;
}

/** One school, one teacher with a live session, `CLASSES` classes of 40 with a full gradebook. */
async function seed(url: string): Promise<Seeded> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    const slug = 'teaching-bench';
    const school = await owner.query<{ id: string }>(
      `insert into schools (id, slug, name, status, plan_id)
       values (gen_random_uuid(), $1, 'Teaching Bench School', 'active', 'enterprise') returning id`,
      [slug],
    );
    const schoolId = school.rows[0]?.id as string;
    const q = (text: string, params: unknown[] = []) => owner.query(text, [schoolId, ...params]);
    await q(`insert into staff (school_id, id, employee_number, first_name, last_name, is_teacher)
             values ($1, gen_random_uuid(), 'T-1', 'Bench', 'Teacher', true)`);
    await q(`insert into users (school_id, id, email, name, status, roles, linked_staff_id)
             select $1, gen_random_uuid(), 'teacher@bench.test', 'Bench Teacher', 'active',
                    '{teacher}', s.id from staff s where s.school_id = $1`);
    await q(`insert into academic_years (school_id, id, name, starts_on, ends_on, is_current)
             values ($1, gen_random_uuid(), 'Bench year', current_date - 200, current_date + 200, true)`);
    await q(`insert into terms (school_id, id, academic_year_id, name, starts_on, ends_on)
             select $1, gen_random_uuid(), y.id, 'Bench term', current_date - 100, current_date + 100
               from academic_years y where y.school_id = $1`);
    await q(`insert into grade_levels (school_id, id, name, sort_order)
             values ($1, gen_random_uuid(), 'Grade 1', 1)`);
    await q(`insert into subjects (school_id, id, code, name)
             values ($1, gen_random_uuid(), 'MATH', 'Mathematics')`);
    await q(
      `insert into sections (school_id, id, grade_level_id, name)
       select $1, gen_random_uuid(), g.id, 'S' || n
         from grade_levels g, generate_series(1, $2::int) n where g.school_id = $1`,
      [CLASSES],
    );
    await q(
      `insert into classes (school_id, id, name, subject_id, term_id, section_id)
       select $1, gen_random_uuid(), 'Mathematics ' || sec.name, sub.id, t.id, sec.id
         from sections sec, subjects sub, terms t
        where sec.school_id = $1 and sub.school_id = $1 and t.school_id = $1`,
    );
    await q(`insert into class_teachers (school_id, class_id, staff_id)
             select $1, c.id, s.id from classes c, staff s where c.school_id = $1 and s.school_id = $1`);
    await q(
      `insert into students (school_id, id, admission_number, first_name, last_name, status, section_id)
       select $1, gen_random_uuid(), sec.name || '-' || n, 'Student' || n, sec.name, 'enrolled', sec.id
         from sections sec, generate_series(1, $2::int) n where sec.school_id = $1`,
      [STUDENTS_PER_CLASS],
    );
    await q(`insert into class_enrollments (school_id, id, class_id, student_id, starts_on)
             select $1, gen_random_uuid(), c.id, st.id, current_date - 100
               from classes c join students st on st.school_id = c.school_id and st.section_id = c.section_id
              where c.school_id = $1`);
    await q(`insert into assessment_categories (school_id, id, class_id, name, weight, sort_order)
             select $1, gen_random_uuid(), c.id, cat.name, cat.weight, cat.ord
               from classes c,
                    (values ('Tests', 50, 1), ('Homework', 30, 2), ('Participation', 20, 3))
                      as cat(name, weight, ord)
              where c.school_id = $1`);
    await q(
      `insert into assessments (school_id, id, class_id, category_id, title, max_score, due_on, published)
       select $1, gen_random_uuid(), c.id,
              (select ac.id from assessment_categories ac
                where ac.school_id = $1 and ac.class_id = c.id and ac.sort_order = 1 + (n % 3)),
              'Assessment ' || n, 20, current_date - (60 - n * 2), true
         from classes c, generate_series(1, $2::int) n where c.school_id = $1`,
      [ASSESSMENTS_PER_CLASS],
    );
    await q(`insert into scores (school_id, assessment_id, student_id, status, points, updated_by_name)
             select $1, a.id, ce.student_id, 'scored', (abs(hashtext(a.id::text || ce.student_id::text)) % 21), 'Bench Teacher'
               from assessments a join class_enrollments ce
                 on ce.school_id = a.school_id and ce.class_id = a.class_id
              where a.school_id = $1`);
    const token = `${schoolId}.${randomBytes(32).toString('base64url')}`;
    await q(
      `insert into sessions (school_id, id, token_hash, user_id, expires_at)
       select $1, gen_random_uuid(), $2, u.id, now() + interval '1 day'
         from users u where u.school_id = $1`,
      [createHash('sha256').update(token).digest('hex')],
    );
    const rows = await q(
      `select ce.class_id, ce.student_id from class_enrollments ce
        where ce.school_id = $1 order by ce.class_id, ce.student_id`,
    );
    const rosters = new Map<string, string[]>();
    for (const row of rows.rows as { class_id: string; student_id: string }[]) {
      const list = rosters.get(row.class_id) ?? [];
      list.push(row.student_id);
      rosters.set(row.class_id, list);
    }
    await owner.query('analyze');
    return { slug, cookie: `sh_session=${token}`, classIds: [...rosters.keys()], rosters };
  } finally {
    await owner.end();
  }
}

interface Figure {
  name: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  non2xx: number;
}

const STATUSES = ['absent', 'late', 'excused'] as const;

async function measure(
  name: string,
  port: number,
  seeded: Seeded,
  connections: number,
  request: (classId: string) => { method: 'GET' | 'PUT'; path: string; body?: string },
): Promise<Figure> {
  const host = `${seeded.slug}.localhost`;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const classId = seeded.classIds[
            Math.floor(Math.random() * seeded.classIds.length)
          ] as string;
          const { method, path, body } = request(classId);
          return {
            ...req,
            method,
            path,
            headers: {
              ...req.headers,
              host,
              cookie: seeded.cookie,
              ...(body === undefined
                ? {}
                : { origin: `http://${host}`, 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body }),
          };
        },
      },
    ],
  } as autocannon.Options);
  return {
    name,
    connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9 ?? result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const name = `schoolhouse_teaching_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
const url = dbUrl(serverUrl, name);
let server: Awaited<ReturnType<typeof start>> | undefined;
try {
  await migratePostgres(url);
  const seeded = await seed(url);
  const port = 4800 + (process.pid % 500);
  // BENCH_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  server = await start(
    'node',
    [...nodeArgs, 'dist/server/main.js'],
    {
      DATABASE_URL: url,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      DB_POOL_MAX: '20',
      ...(process.env.REDIS_URL
        ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `${name}:` }
        : {}),
    },
    /Schoolhouse is running/,
  );
  const today = new Date().toISOString().slice(0, 10);
  // A few exceptions per save, different each time, so most saves correct earlier marks.
  const saveAttendance = (classId: string) => {
    const roster = seeded.rosters.get(classId) ?? [];
    const marks = Array.from({ length: 3 }, () => ({
      studentId: roster[Math.floor(Math.random() * roster.length)] as string,
      status: STATUSES[Math.floor(Math.random() * STATUSES.length)] as string,
    })).filter((m, i, all) => all.findIndex((o) => o.studentId === m.studentId) === i);
    return {
      method: 'PUT' as const,
      path: '/api/attendance/register',
      body: JSON.stringify({ kind: 'class', classId, date: today, marks }),
    };
  };
  const loadGrid = (classId: string) => ({
    method: 'GET' as const,
    path: `/api/classes/${classId}/gradebook`,
  });

  // Warm the caches (session, tenant) so the first figures do not carry the cold start.
  await measure('warm-up', port, seeded, 4, loadGrid);
  const figures: Figure[] = [];
  for (const connections of [1, 10]) {
    figures.push(
      await measure(
        `attendance save, ${STUDENTS_PER_CLASS} students`,
        port,
        seeded,
        connections,
        saveAttendance,
      ),
    );
    figures.push(
      await measure(
        `gradebook grid, ${STUDENTS_PER_CLASS} × ${ASSESSMENTS_PER_CLASS}`,
        port,
        seeded,
        connections,
        loadGrid,
      ),
    );
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    `${CLASSES} classes of ${STUDENTS_PER_CLASS} in one school, ${SECONDS} s each, PostgreSQL${process.env.REDIS_URL ? ' + Redis' : ''} — ${machine}`,
    '',
    '| operation | connections | requests | req/s | p50 ms | p99 ms | p99.9 ms | errors | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.name} | ${f.connections} | ${f.requests} | ${Math.round(f.requestsPerSecond)} | ${f.p50} | ${f.p99} | ${f.p999} | ${f.errors} | ${f.non2xx} |`,
    ),
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(
    'bench/results/teaching.json',
    `${JSON.stringify({ at: new Date().toISOString(), machine, classes: CLASSES, seconds: SECONDS, figures }, null, 2)}\n`,
  );
  if (figures.some((f) => f.errors > 0 || f.non2xx > 0)) process.exitCode = 1;
} finally {
  if (server) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  await admin.end();
}
