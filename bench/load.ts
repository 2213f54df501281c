// Multi-school load with correctness checks. Builds a dataset on PostgreSQL, starts the built
// server and a bare node:http baseline, and drives both with autocannon, spreading requests
// uniformly over every school and session. Every response is checked to belong to the school
// whose host was asked. Prints a Markdown table and writes bench/results/load-*.json.
//
//   npm run bench:load -- [--schools 1000] [--students 20] [--connections 100] [--seconds 10]
//   npm run bench:check   (a few seconds; exits non-zero on any cross-school answer or 5xx)
//
// Needs BENCH_DATABASE_URL (a PostgreSQL server URL); uses REDIS_URL when set.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { migratePostgres } from '../src/server/platform/db/database.js';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '1000' },
    students: { type: 'string', default: '20' },
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    check: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const SCHOOLS = Number(values.schools);
const STUDENTS = Number(values.students);
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  process.stderr.write(
    'Set BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres\n',
  );
  process.exit(2);
}

interface School {
  id: string;
  slug: string;
  index: number;
  cookie: string;
  studentId: string;
}

function dbUrl(name: string): string {
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function buildDataset(url: string): Promise<School[]> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    await owner.query(
      `
      insert into schools (id, slug, name, status, plan_id)
      select gen_random_uuid(), 'load-' || i, 'Load School ' || i, 'active', 'enterprise'
        from generate_series(1, $1::int) i`,
      [SCHOOLS],
    );
    await owner.query(`
      insert into users (school_id, id, email, name, status, roles)
      select s.id, gen_random_uuid(), 'admin@' || s.slug || '.test', 'Admin ' || s.slug, 'active', '{admin}'
        from schools s`);
    await owner.query(
      `
      insert into students (school_id, id, admission_number, first_name, last_name, status)
      select s.id, gen_random_uuid(), 'L' || substr(s.slug, 6) || '-' || n, 'Student' || n, s.slug, 'enrolled'
        from schools s, generate_series(1, $1::int) n`,
      [STUDENTS],
    );
    const schools = await owner.query<{
      id: string;
      slug: string;
      user_id: string;
      student_id: string;
    }>(`
      select s.id, s.slug, u.id as user_id,
             (select st.id from students st where st.school_id = s.id order by st.id limit 1) as student_id
        from schools s join users u on u.school_id = s.id order by s.slug`);
    const result: School[] = [];
    const ids: string[] = [];
    const hashes: string[] = [];
    const userIds: string[] = [];
    for (const row of schools.rows) {
      const token = `${row.id}.${randomBytes(32).toString('base64url')}`;
      ids.push(row.id);
      hashes.push(createHash('sha256').update(token).digest('hex'));
      userIds.push(row.user_id);
      result.push({
        id: row.id,
        slug: row.slug,
        index: Number(row.slug.slice(5)),
        cookie: `sh_session=${token}`,
        studentId: row.student_id,
      });
    }
    await owner.query(
      `insert into sessions (school_id, id, token_hash, user_id, expires_at)
       select s, gen_random_uuid(), h, u, now() + interval '1 day'
         from unnest($1::uuid[], $2::text[], $3::uuid[]) as x(s, h, u)`,
      [ids, hashes, userIds],
    );
    await owner.query('analyze');
    return result;
  } finally {
    await owner.end();
  }
}

function start(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} did not start:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

interface Scenario {
  name: string;
  port: number;
  baseline?: string;
  request: (school: School) => { path: string; headers: Record<string, string> };
  /** True when the body belongs to the school that was asked. */
  belongs?: (school: School, body: string) => boolean;
}

interface Figure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  non2xx: number;
  serverErrors: number;
  crossSchool: number;
  checked: number;
}

async function run(scenario: Scenario, schools: School[]): Promise<Figure> {
  let crossSchool = 0;
  let serverErrors = 0;
  let checked = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${scenario.port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req, context: Record<string, unknown>) => {
          const school = schools[Math.floor(Math.random() * schools.length)] as School;
          context.school = school;
          const { path: p, headers } = scenario.request(school);
          return { ...req, method: 'GET', path: p, headers: { ...req.headers, ...headers } };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          if (status >= 500) serverErrors++;
          if (!scenario.belongs || status !== 200) return;
          checked++;
          if (!scenario.belongs(context.school as School, body)) crossSchool++;
        },
      },
    ],
  } as autocannon.Options);
  const result = await instance;
  return {
    name: scenario.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9 ?? result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverErrors,
    crossSchool,
    checked,
  };
}

async function explain(url: string, school: School): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    const plan = async (title: string, text: string, params: unknown[]) => {
      await client.query('begin');
      await client.query(
        `select set_config('role', 'app_tenant', true), set_config('app.school_id', $1, true)`,
        [school.id],
      );
      const result = await client.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params);
      await client.query('rollback');
      lines.push(`-- ${title}`, ...result.rows.map((r) => r['QUERY PLAN']), '');
    };
    await plan('session lookup', 'select * from sessions where token_hash = $1', ['x']);
    await plan(
      'student list page',
      'select * from students order by last_name, first_name, id limit 51',
      [],
    );
    await plan('student detail', 'select * from students where id = $1', [school.studentId]);
    await client.query('begin');
    await client.query(`select set_config('role', 'app_platform', true)`);
    const tenant = await client.query<{ 'QUERY PLAN': string }>(
      'explain select * from schools join plans on plans.id = schools.plan_id where schools.slug = $1',
      [school.slug],
    );
    await client.query('rollback');
    lines.push('-- tenant lookup by host', ...tenant.rows.map((r) => r['QUERY PLAN']));
    return lines.join('\n');
  } finally {
    await client.end();
  }
}

const name = `schoolhouse_load_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
const url = dbUrl(name);
const children: ChildProcess[] = [];
let failed = false;
try {
  await migratePostgres(url);
  const seeded = Date.now();
  const schools = await buildDataset(url);
  process.stdout.write(
    `Dataset: ${SCHOOLS} schools, ${SCHOOLS * STUDENTS} students (${Date.now() - seeded} ms)\n`,
  );

  if (!fs.existsSync('dist/server/main.js')) throw new Error('Build first: npm run build');
  const appPort = 4300 + (process.pid % 500);
  const basePort = appPort + 1;
  children.push(
    await start(
      'node',
      ['dist/server/main.js'],
      {
        DATABASE_URL: url,
        PORT: String(appPort),
        BIND_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        DB_POOL_MAX: '20',
        ...(process.env.REDIS_URL
          ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `${name}:` }
          : {}),
      },
      /Schoolhouse is running/,
    ),
  );
  children.push(
    await start(
      'npx',
      ['tsx', 'bench/baseline-server.ts'],
      { DATABASE_URL: url, PORT: String(basePort), POOL_MAX: '20' },
      /LISTENING/,
    ),
  );

  const host = (s: School) => ({ host: `${s.slug}.localhost` });
  const jsonField = (body: string, pick: (v: Record<string, unknown>) => unknown) => {
    try {
      return pick(JSON.parse(body) as Record<string, unknown>);
    } catch {
      return undefined;
    }
  };
  const scenarios: Scenario[] = [
    {
      name: 'baseline: node:http hello-world',
      port: basePort,
      request: () => ({ path: '/hello', headers: {} }),
    },
    {
      name: 'baseline: node:http + pg primary-key row',
      port: basePort,
      request: (s) => ({ path: `/row/${s.id}`, headers: {} }),
      belongs: (s, body) => jsonField(body, (v) => v.id) === s.id,
    },
    {
      name: 'public school profile (tenant resolution)',
      port: appPort,
      baseline: 'baseline: node:http + pg primary-key row',
      request: (s) => ({ path: '/api/school', headers: host(s) }),
      belongs: (s, body) => jsonField(body, (v) => v.id) === s.id,
    },
    {
      name: 'GET /api/me (session)',
      port: appPort,
      baseline: 'baseline: node:http + pg primary-key row',
      request: (s) => ({ path: '/api/me', headers: { ...host(s), cookie: s.cookie } }),
      belongs: (s, body) =>
        jsonField(body, (v) => (v.user as { email?: string } | undefined)?.email) ===
        `admin@${s.slug}.test`,
    },
    {
      name: 'student list page',
      port: appPort,
      baseline: 'baseline: node:http + pg primary-key row',
      request: (s) => ({
        path: '/api/students?limit=20',
        headers: { ...host(s), cookie: s.cookie },
      }),
      belongs: (s, body) => {
        const items = jsonField(body, (v) => v.items) as { admissionNumber: string }[] | undefined;
        return (
          Array.isArray(items) &&
          items.length > 0 &&
          items.every((i) => i.admissionNumber.startsWith(`L${s.index}-`))
        );
      },
    },
    {
      name: 'student detail',
      port: appPort,
      baseline: 'baseline: node:http + pg primary-key row',
      request: (s) => ({
        path: `/api/students/${s.studentId}`,
        headers: { ...host(s), cookie: s.cookie },
      }),
      belongs: (s, body) =>
        String(jsonField(body, (v) => v.admissionNumber) ?? '').startsWith(`L${s.index}-`),
    },
  ];

  const figures: Figure[] = [];
  for (const scenario of values.check
    ? scenarios.filter((s) => s.belongs && s.port === appPort)
    : scenarios) {
    process.stdout.write(`Running: ${scenario.name}\n`);
    figures.push(await run(scenario, schools));
  }
  const byName = new Map(figures.map((f) => [f.name, f]));
  const table = [
    '| scenario | req/s | p50 ms | p99 ms | p99.9 ms | errors | 5xx | cross-school / checked | vs baseline |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => {
      const scenario = scenarios.find((s) => s.name === f.name);
      const base = scenario?.baseline ? byName.get(scenario.baseline) : undefined;
      const ratio = base ? `${(f.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×` : '';
      return `| ${f.name} | ${Math.round(f.requestsPerSecond)} | ${f.p50} | ${f.p99} | ${f.p999} | ${f.errors} | ${f.serverErrors} | ${f.crossSchool} / ${f.checked} | ${ratio} |`;
    }),
  ].join('\n');
  const plans = await explain(url, schools[0] as School);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  process.stdout.write(
    `\n${SCHOOLS} schools, ${SCHOOLS * STUDENTS} students, ${CONNECTIONS} connections, ${SECONDS} s each, ` +
      `Redis ${process.env.REDIS_URL ? 'on' : 'off'} — ${machine}\n\n${table}\n\nQuery plans:\n${plans}\n`,
  );
  const outDir = path.resolve('bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, `load-${SCHOOLS}-schools.json`),
    `${JSON.stringify({ at: new Date().toISOString(), machine, schools: SCHOOLS, students: SCHOOLS * STUDENTS, connections: CONNECTIONS, seconds: SECONDS, redis: Boolean(process.env.REDIS_URL), figures, plans }, null, 2)}\n`,
  );
  const broken = figures.filter((f) => f.crossSchool > 0 || f.serverErrors > 0);
  if (broken.length > 0) {
    failed = true;
    process.stderr.write(
      `FAILED: cross-school answers or server errors under load (${broken.map((f) => f.name).join(', ')})\n`,
    );
  }
  if (values.check && figures.some((f) => f.checked === 0)) {
    failed = true;
    process.stderr.write('FAILED: a scenario returned no checkable answers\n');
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  if (!values.keep) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(failed ? 1 : 0);
