// Builds benchmark datasets straight in PostgreSQL as the schema owner: schools on the
// enterprise plan, one active admin each with a live session, and a few students. Slugs are
// `load-<n>`; a student's admission number starts with `L<n>-`, so any answer can be checked
// against the school whose host was asked.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';

export interface School {
  id: string;
  slug: string;
  index: number;
  cookie: string;
  studentId: string;
  /** A class in the current term with (up to 40 of) the school's students on its roster. */
  classId: string;
}

/** The same server URL with another database name. */
export function dbUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Inserts `schools` schools with `students` students each; returns them ordered by slug. */
export async function buildDataset(
  url: string,
  size: { schools: number; students: number },
): Promise<School[]> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    await owner.query(
      `
      insert into schools (id, slug, name, status, plan_id)
      select gen_random_uuid(), 'load-' || i, 'Load School ' || i, 'active', 'enterprise'
        from generate_series(1, $1::int) i`,
      [size.schools],
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
      [size.students],
    );
    // A current year and term around today, one section and one class of up to 40 of the
    // school's students (the first by id, so `studentId` is on it), for attendance saves today.
    await owner.query(`
      insert into academic_years (school_id, id, name, starts_on, ends_on, is_current)
      select s.id, gen_random_uuid(), 'Bench year', current_date - 200, current_date + 200, true
        from schools s`);
    await owner.query(`
      insert into terms (school_id, id, academic_year_id, name, starts_on, ends_on)
      select y.school_id, gen_random_uuid(), y.id, 'Bench term', current_date - 100, current_date + 100
        from academic_years y`);
    await owner.query(`
      insert into grade_levels (school_id, id, name, sort_order)
      select s.id, gen_random_uuid(), 'Grade 1', 1 from schools s`);
    await owner.query(`
      insert into sections (school_id, id, grade_level_id, name)
      select g.school_id, gen_random_uuid(), g.id, 'A' from grade_levels g`);
    await owner.query(`
      insert into subjects (school_id, id, code, name)
      select s.id, gen_random_uuid(), 'MATH', 'Mathematics' from schools s`);
    await owner.query(`
      insert into classes (school_id, id, name, subject_id, term_id, section_id)
      select t.school_id, gen_random_uuid(), 'Mathematics A', sub.id, t.id, sec.id
        from terms t
        join subjects sub on sub.school_id = t.school_id
        join sections sec on sec.school_id = t.school_id`);
    await owner.query(`
      insert into class_enrollments (school_id, id, class_id, student_id, starts_on)
      select c.school_id, gen_random_uuid(), c.id, st.id, current_date - 100
        from classes c
        join lateral (select s.id from students s where s.school_id = c.school_id
                       order by s.id limit 40) st on true`);
    const schools = await owner.query<{
      id: string;
      slug: string;
      user_id: string;
      student_id: string;
      class_id: string;
    }>(`
      select s.id, s.slug, u.id as user_id,
             (select st.id from students st where st.school_id = s.id order by st.id limit 1) as student_id,
             (select c.id from classes c where c.school_id = s.id limit 1) as class_id
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
        classId: row.class_id,
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

export interface OperatorAccount {
  email: string;
  password: string;
  /** Base32 TOTP secret, already enrolled. */
  totpSecret: string;
}

/** Inserts an active operator with a known password and an enrolled second factor. */
export async function seedOperator(url: string, totpSecret: string): Promise<OperatorAccount> {
  const account = {
    email: 'drills@operators.test',
    password: `Drill-${randomBytes(12).toString('base64url')}`,
    totpSecret,
  };
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    await owner.query(
      `insert into operators (id, email, name, password_hash, totp_secret, status)
       values ($1, $2, 'Fault drills', $3, $4, 'active')`,
      [randomUUID(), account.email, await hashPassword(account.password), totpSecret],
    );
  } finally {
    await owner.end();
  }
  return account;
}
