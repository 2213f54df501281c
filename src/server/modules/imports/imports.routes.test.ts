import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from '../../../shared/contracts/imports.js';
import { createAcademicStructure } from '../../../test/academic-structure.js';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient } from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { academicYears, terms } from '../academics/academics.table.js';
import { newId } from '../../platform/db/ids.js';
import type { SchoolRow } from '../schools/schools.repository.js';

let t: TestDatabase;
let h: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

const SAMPLES = path.resolve('samples/csv');
const sample = (name: string): Buffer => fs.readFileSync(path.join(SAMPLES, name));
const STUDENTS_HEADER =
  'admission_number,first_name,last_name,date_of_birth,gender,status,grade,section';

interface School {
  row: SchoolRow;
  admin: HostClient;
}

/** A school with the structure the samples expect, and a signed-in administrator. */
async function newSchool(options: { sectionNames?: string[] } = {}): Promise<School> {
  const row = await createSchool(t.db);
  await createAcademicStructure(t.db, row.id, options);
  const user = await createUser(t.db, row.id, { roles: ['admin'] });
  const admin = new HostClient(h.app, `${row.slug}.localhost`);
  expect((await admin.signIn(user.email)).statusCode).toBe(200);
  return { row, admin };
}

function send(
  client: HostClient,
  method: 'GET' | 'POST',
  url: string,
  payload?: string | Buffer,
  contentType = 'text/csv',
): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method,
    url,
    headers: {
      host: client.host,
      ...(method === 'POST' ? { origin: `http://${client.host}` } : {}),
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(payload === undefined ? {} : { 'content-type': contentType }),
    },
    ...(payload === undefined ? {} : { payload }),
  });
}

const preview = (s: School, kind: string, csv: string | Buffer) =>
  send(s.admin, 'POST', `/api/imports/${kind}/preview`, csv);
const commit = (s: School, kind: string, csv: string | Buffer) =>
  send(s.admin, 'POST', `/api/imports/${kind}/commit`, csv);
const exportCsv = (s: School, kind: string) => send(s.admin, 'GET', `/api/imports/${kind}/export`);

async function commitOk(s: School, kind: string, csv: string | Buffer) {
  const res = await commit(s, kind, csv);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function count(table: string, schoolId: string, where = 'true'): Promise<number> {
  const rows = await t.owner.query<{ n: number }>(
    `select count(*)::int as n from ${table} where school_id = $1 and ${where}`,
    [schoolId],
  );
  return rows[0]?.n ?? -1;
}

async function auditActions(schoolId: string): Promise<string[]> {
  const rows = await t.owner.query<{ action: string }>(
    'select action from audit_events where school_id = $1 order by at, id',
    [schoolId],
  );
  return rows.map((r) => r.action);
}

async function importEverything(s: School): Promise<void> {
  await commitOk(s, 'students', sample('students.csv'));
  await commitOk(s, 'guardians', sample('guardians.csv'));
  await commitOk(s, 'staff', sample('staff.csv'));
  await commitOk(s, 'classes', sample('classes.csv'));
  await commitOk(s, 'enrollments', sample('enrollments.csv'));
}

describe('students', () => {
  it('lists every bad row by row, column and code, and a commit of it writes nothing', async () => {
    const s = await newSchool();
    const file = sample('students-with-errors.csv');
    const res = await preview(s, 'students', file);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'students', rows: 40, valid: false, errorCount: 4 });
    const found = body.errors.map((e: { row: number; column: string; code: string }) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(found).toEqual([
      [5, 'admission_number', 'duplicate'],
      [7, 'date_of_birth', 'invalid_date'],
      [12, 'section', 'unknown_section'],
      [40, 'admission_number', 'duplicate'],
    ]);
    expect(body.errors[0].message).toContain('rows 5, 40');
    // The rows without problems would all be new.
    expect(body.summary).toEqual({ created: 36, updated: 0, unchanged: 0 });

    const committed = await commit(s, 'students', file);
    expect(committed.statusCode).toBe(422);
    expect(committed.json().error.code).toBe('IMPORT_INVALID');
    expect(committed.json().error.details).toEqual(body.errors);
    expect(await count('students', s.row.id)).toBe(0);
    expect(await auditActions(s.row.id)).not.toContain('import.committed');
  });

  it('imports a file, and the same file again changes nothing', async () => {
    const s = await newSchool();
    const file = sample('students.csv');
    const first = await preview(s, 'students', file);
    expect(first.json()).toMatchObject({
      valid: true,
      errors: [],
      summary: { created: 40, updated: 0, unchanged: 0 },
    });
    expect(await count('students', s.row.id)).toBe(0);

    expect(await commitOk(s, 'students', file)).toMatchObject({
      rows: 40,
      valid: true,
      summary: { created: 40, updated: 0, unchanged: 0 },
    });
    expect(await count('students', s.row.id)).toBe(40);
    const [amira] = await t.owner.query<Record<string, unknown>>(
      `select s.first_name, s.date_of_birth::text as dob, s.gender, s.status, s.enrolled_on,
              sec.name as section, g.name as grade
         from students s join sections sec on sec.school_id = s.school_id and sec.id = s.section_id
         join grade_levels g on g.school_id = sec.school_id and g.id = sec.grade_level_id
        where s.school_id = $1 and s.admission_number = 'S-2026-001'`,
      [s.row.id],
    );
    expect(amira).toMatchObject({
      first_name: 'Amira',
      dob: '2019-03-14',
      gender: 'female',
      status: 'enrolled',
      section: 'A',
      grade: 'Grade 1',
    });
    expect(amira?.enrolled_on).not.toBeNull();
    // Placing a student in a section records it for the current year, as enrollment does.
    expect(await count('section_enrollments', s.row.id)).toBe(38);
    const applicant = await t.owner.query<{ status: string; section_id: string | null }>(
      `select status, section_id from students where school_id = $1 and admission_number = 'S-2026-037'`,
      [s.row.id],
    );
    expect(applicant[0]).toEqual({ status: 'applicant', section_id: null });

    const stamps = await t.owner.query<{ at: string }>(
      'select max(updated_at)::text as at from students where school_id = $1',
      [s.row.id],
    );
    const auditBefore = await auditActions(s.row.id);
    expect(await commitOk(s, 'students', file)).toMatchObject({
      summary: { created: 0, updated: 0, unchanged: 40 },
    });
    expect(await count('students', s.row.id)).toBe(40);
    expect(
      await t.owner.query<{ at: string }>(
        'select max(updated_at)::text as at from students where school_id = $1',
        [s.row.id],
      ),
    ).toEqual(stamps);
    // One audit event per commit, and none per row.
    expect(await auditActions(s.row.id)).toEqual([...auditBefore, 'import.committed']);
    const [event] = await t.owner.query<{ after: Record<string, unknown> }>(
      `select after from audit_events where school_id = $1 and action = 'import.committed'
        order by at desc, id desc limit 1`,
      [s.row.id],
    );
    expect(event?.after).toEqual({
      kind: 'students',
      created: 0,
      updated: 0,
      unchanged: 40,
      rows: 40,
    });
  });

  it('counts changed rows as updated and keeps what a file leaves out', async () => {
    const s = await newSchool();
    await commitOk(s, 'students', sample('students.csv'));
    const file = [
      'Admission Number,First Name,Last Name',
      'S-2026-001,Amira,Haddad-Saleh',
      'S-2026-002,Omar,Haddad',
      'S-2026-041,Zara,Quinn',
    ].join('\n');
    expect((await commitOk(s, 'students', file)).summary).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
    });
    const rows = await t.owner.query<Record<string, unknown>>(
      `select admission_number, last_name, status, gender, section_id is not null as placed
         from students where school_id = $1 and admission_number in ('S-2026-001', 'S-2026-041')
        order by admission_number`,
      [s.row.id],
    );
    expect(rows).toEqual([
      {
        admission_number: 'S-2026-001',
        last_name: 'Haddad-Saleh',
        status: 'enrolled',
        gender: 'female',
        placed: true,
      },
      {
        admission_number: 'S-2026-041',
        last_name: 'Quinn',
        status: 'applicant',
        gender: 'unspecified',
        placed: false,
      },
    ]);
  });

  it('checks each cell: required, dates, choices, grade and section, status changes', async () => {
    const s = await newSchool();
    await commitOk(s, 'students', `${STUDENTS_HEADER}\nS-9,Gone,Away,,,withdrawn,,`);
    const file = [
      STUDENTS_HEADER,
      ',NoNumber,X,,,,,',
      'S-1,,X,2030-01-01,,,,',
      'S-2,A,B,14/03/2019,robot,alumnus,,',
      'S-3,A,B,,,,Grade 9,A',
      'S-4,A,B,,,,,A',
      'S-5,A,B,,,,Grade 1,',
      'S-9,Gone,Away,,,enrolled,,',
      'S-6,A,B,,,,,,extra',
    ].join('\n');
    const body = (await preview(s, 'students', file)).json();
    const found = body.errors.map((e: { row: number; column: string; code: string }) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(found).toEqual([
      [1, 'admission_number', 'required'],
      [2, 'first_name', 'required'],
      [2, 'date_of_birth', 'invalid_date'],
      [3, 'date_of_birth', 'invalid_date'],
      [3, 'gender', 'invalid_value'],
      [3, 'status', 'invalid_value'],
      [4, 'grade', 'unknown_grade'],
      [5, 'grade', 'required'],
      [6, 'section', 'required'],
      [7, 'status', 'invalid_transition'],
      [8, null, 'field_count'],
    ]);
    expect(body.summary).toEqual({ created: 0, updated: 0, unchanged: 0 });
  });

  it('reports unknown, repeated and missing columns in the header', async () => {
    const s = await newSchool();
    const body = (
      await preview(s, 'students', 'admission_number,first_name,nickname,first_name\nS-1,A,B,C')
    ).json();
    expect(
      body.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [0, 'nickname', 'unknown_column'],
      [0, 'first_name', 'duplicate_column'],
      [0, 'last_name', 'missing_column'],
    ]);
    expect(body.valid).toBe(false);
  });

  it('keeps UTF-8 with a byte order mark, Arabic names and quoted commas exactly', async () => {
    const s = await newSchool();
    const names = [
      ['S-AR-1', 'عبد الله', 'الشمري'],
      ['S-AR-2', 'نورة', 'آل سعود'],
      ['S-AR-3', 'Zoë "Zo"', 'Smith, Jr.'],
    ];
    const file = Buffer.from(
      '\uFEFFadmission_number,first_name,last_name\r\n' +
        names.map(([n, f, l]) => `${n},"${f?.replace(/"/g, '""')}","${l}"`).join('\r\n') +
        '\r\n',
      'utf8',
    );
    expect((await commitOk(s, 'students', file)).summary.created).toBe(3);
    const rows = await t.owner.query<{
      admission_number: string;
      first_name: string;
      last_name: string;
    }>(
      'select admission_number, first_name, last_name from students where school_id = $1 order by 1',
      [s.row.id],
    );
    expect(rows.map((r) => [r.admission_number, r.first_name, r.last_name])).toEqual(names);
    const exported = await exportCsv(s, 'students');
    expect(exported.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(exported.body).toContain('عبد الله,الشمري');
    expect(exported.body).toContain('"Zoë ""Zo""","Smith, Jr."');
  });

  it('holds new students to the plan limit', async () => {
    const s = await newSchool();
    // The standard plan allows 2,000 students; 10,000 rows is the most one file may hold.
    const rows = Array.from({ length: 10_000 }, (_, i) => `P-${i},First${i},Last${i}`);
    const res = await preview(
      s,
      'students',
      `admission_number,first_name,last_name\n${rows.join('\n')}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toBe(10_000);
    expect(body.errors).toEqual([
      expect.objectContaining({ row: 0, column: 'admission_number', code: 'plan_limit' }),
    ]);
    expect(body.errors[0].message).toContain('2000');
  });
});

describe('the file itself', () => {
  let s: School;
  beforeAll(async () => {
    s = await newSchool();
  });

  it('refuses a file over 2 MiB with 413, while JSON keeps its own limit', async () => {
    const res = await preview(s, 'students', Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.json().error.message).toContain('2 MiB');
    const json = await s.admin.post('/api/users', { name: 'x'.repeat(1_500_000) });
    expect(json.statusCode).toBe(413);
  });

  it('refuses more than 10,000 rows with 413 and says so', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `N-${i},A,B`);
    const res = await commit(
      s,
      'students',
      `admission_number,first_name,last_name\n${rows.join('\n')}`,
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('TOO_MANY_ROWS');
    expect(res.json().error.message).toContain('10,000');
    expect(await count('students', s.row.id)).toBe(0);
  });

  it('refuses bytes that are not UTF-8 with 400 and names the line', async () => {
    const file = Buffer.concat([
      Buffer.from('admission_number,first_name,last_name\nS-1,Ana,Lee\nS-2,Jos'),
      Buffer.from([0xe9]),
      Buffer.from(',Ng\n'),
    ]);
    const res = await commit(s, 'students', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_CSV');
    expect(res.json().error.message).toContain('line 3');
    expect(res.json().error.details[0]).toMatchObject({ row: 2, code: 'not_utf8' });
    expect(await count('students', s.row.id)).toBe(0);
  });

  it('refuses an unclosed quote with 400 and names the line it starts on', async () => {
    const file = 'admission_number,first_name,last_name\nS-1,Ana,Lee\n\nS-2,"Bob,Ng\nS-3,Cy,Oz\n';
    const res = await preview(s, 'students', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_CSV');
    expect(res.json().error.message).toContain('line 4');
    const stray = await preview(
      s,
      'students',
      'admission_number,first_name,last_name\nS-1,A"n"a,Lee\n',
    );
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.message).toContain('line 2');
  });

  it('refuses an empty body, other content types and unknown kinds', async () => {
    expect((await preview(s, 'students', '')).json().error.code).toBe('INVALID_CSV');
    const json = await send(
      s.admin,
      'POST',
      '/api/imports/students/preview',
      '{}',
      'application/json',
    );
    expect(json.statusCode).toBe(415);
    expect((await preview(s, 'pupils', 'a\n1')).statusCode).toBe(400);
  });
});

describe('guardians', () => {
  it('links guardians to students with their flags, once per person', async () => {
    const s = await newSchool();
    await commitOk(s, 'students', sample('students.csv'));
    const file = sample('guardians.csv');
    expect((await commitOk(s, 'guardians', file)).summary).toEqual({
      created: 44,
      updated: 0,
      unchanged: 0,
    });
    // The Haddads are the parents of two students: 44 links, 42 people.
    expect(await count('guardians', s.row.id)).toBe(42);
    expect(await count('student_guardians', s.row.id)).toBe(44);
    const links = await t.owner.query<Record<string, unknown>>(
      `select st.admission_number, g.first_name, g.email, g.phone, sg.relationship, sg.is_primary,
              sg.portal_access, sg.pickup_allowed, sg.no_contact
         from student_guardians sg
         join students st on st.school_id = sg.school_id and st.id = sg.student_id
         join guardians g on g.school_id = sg.school_id and g.id = sg.guardian_id
        where sg.school_id = $1 and st.admission_number in ('S-2026-006', 'S-2026-002')
        order by st.admission_number, g.first_name`,
      [s.row.id],
    );
    expect(links).toEqual([
      {
        admission_number: 'S-2026-002',
        first_name: 'Karim',
        email: 'karim.haddad@example.com',
        phone: '+971 50 111 0001',
        relationship: 'father',
        is_primary: true,
        portal_access: true,
        pickup_allowed: true,
        no_contact: false,
      },
      expect.objectContaining({
        admission_number: 'S-2026-002',
        first_name: 'Rania',
        is_primary: false,
      }),
      {
        admission_number: 'S-2026-006',
        first_name: 'Patrick',
        email: null,
        phone: null,
        relationship: 'father',
        is_primary: false,
        portal_access: false,
        pickup_allowed: false,
        no_contact: true,
      },
      expect.objectContaining({ admission_number: 'S-2026-006', first_name: 'Siobhan' }),
    ]);

    expect((await commitOk(s, 'guardians', file)).summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: 44,
    });

    // One person, two rows that disagree: refused. Both rows changed alike: two updates.
    const text = file.toString('utf8');
    const oneRow = text.replace(
      'karim.haddad@example.com,+971 50 111 0001',
      'karim.haddad@example.com,+971 50 999 9999',
    );
    const conflict = (await preview(s, 'guardians', oneRow)).json();
    expect(conflict.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'phone', code: 'conflict' }),
    ]);
    const bothRows = text.replaceAll('+971 50 111 0001', '+971 50 999 9999');
    expect((await commitOk(s, 'guardians', bothRows)).summary).toEqual({
      created: 0,
      updated: 2,
      unchanged: 42,
    });
    expect(await count('guardians', s.row.id, `phone = '+971 50 999 9999'`)).toBe(1);
  });

  it('reports unknown students and repeated links', async () => {
    const s = await newSchool();
    await commitOk(s, 'students', sample('students.csv'));
    const file = [
      'admission_number,guardian_first_name,guardian_last_name,email,primary',
      'S-404,Ann,Lee,ann@example.com,yes',
      'S-2026-001,Ann,Lee,ann@example.com,maybe',
      'S-2026-001,Ann,Lee,ANN@example.com,yes',
      'S-2026-001,Ann,Lee,ann@example.com,no',
      'S-2026-002,Bob,Ng,not-an-email,no',
    ].join('\n');
    const body = (await preview(s, 'guardians', file)).json();
    expect(
      body.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [1, 'admission_number', 'unknown_student'],
      [2, 'primary', 'invalid_value'],
      [2, 'admission_number', 'duplicate'],
      [3, 'admission_number', 'duplicate'],
      [4, 'admission_number', 'duplicate'],
      [5, 'email', 'invalid_email'],
    ]);
  });
});

describe('staff', () => {
  it('imports staff by employee number and leaves them alone the second time', async () => {
    const s = await newSchool();
    const file = sample('staff.csv');
    expect((await commitOk(s, 'staff', file)).summary).toEqual({
      created: 15,
      updated: 0,
      unchanged: 0,
    });
    const rows = await t.owner.query<Record<string, unknown>>(
      `select employee_number, first_name, phone, position, is_teacher from staff
        where school_id = $1 and employee_number in ('E-002', 'E-014') order by 1`,
      [s.row.id],
    );
    expect(rows).toEqual([
      {
        employee_number: 'E-002',
        first_name: 'أحمد',
        phone: '+971 50 100 0002',
        position: 'Mathematics teacher',
        is_teacher: true,
      },
      {
        employee_number: 'E-014',
        first_name: 'Helen',
        phone: null,
        position: 'School nurse',
        is_teacher: false,
      },
    ]);
    expect((await commitOk(s, 'staff', file)).summary.unchanged).toBe(15);
    const dup = (
      await preview(s, 'staff', `${file.toString('utf8')}E-001,Again,Person,,,,,no\r\n`)
    ).json();
    expect(dup.errors.map((e: { row: number }) => e.row)).toEqual([1, 16]);
  });
});

describe('classes and enrollments', () => {
  it('imports classes with their teachers, and replaces the teachers a file lists', async () => {
    const s = await newSchool();
    await commitOk(s, 'staff', sample('staff.csv'));
    const file = sample('classes.csv');
    expect((await commitOk(s, 'classes', file)).summary).toEqual({
      created: 14,
      updated: 0,
      unchanged: 0,
    });
    const teachersOf = async (name: string) =>
      (
        await t.owner.query<{ employee_number: string }>(
          `select f.employee_number from class_teachers ct
             join classes c on c.school_id = ct.school_id and c.id = ct.class_id
             join staff f on f.school_id = ct.school_id and f.id = ct.staff_id
            where ct.school_id = $1 and c.name = $2 order by 1`,
          [s.row.id, name],
        )
      ).map((r) => r.employee_number);
    expect(await teachersOf('Grade 5A Mathematics')).toEqual(['E-002', 'E-006']);
    const art = await t.owner.query<{ section_id: string | null; grade_level_id: string | null }>(
      `select section_id, grade_level_id from classes where school_id = $1 and name = 'Grade 6 Art'`,
      [s.row.id],
    );
    expect(art[0]?.section_id).toBeNull();
    expect(art[0]?.grade_level_id).not.toBeNull();
    expect((await commitOk(s, 'classes', file)).summary.unchanged).toBe(14);

    const changed = file.toString('utf8').replace('Room 9,E-002;E-006', 'Room 9,E-006;E-012');
    expect((await commitOk(s, 'classes', changed)).summary).toEqual({
      created: 0,
      updated: 1,
      unchanged: 13,
    });
    expect(await teachersOf('Grade 5A Mathematics')).toEqual(['E-006', 'E-012']);

    const bad = [
      'term,subject_code,name,grade,section,room,teachers',
      'Term 9,MATH,X1,Grade 1,A,,',
      'Term 1,LATIN,X2,Grade 1,A,,',
      'Term 1,MATH,X3,Grade 1,C,Room 99,E-999',
      'Term 1,ENG,Grade 1A Mathematics,Grade 1,A,,',
      'Term 1,MATH,X4,,,,',
      'Term 1,MATH,X5,,A,,',
    ].join('\n');
    const body = (await preview(s, 'classes', bad)).json();
    expect(
      body.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [1, 'term', 'unknown_term'],
      [2, 'subject_code', 'unknown_subject'],
      [3, 'section', 'unknown_section'],
      [3, 'room', 'unknown_room'],
      [3, 'teachers', 'unknown_teacher'],
      [4, 'subject_code', 'conflict'],
      [5, 'section', 'required'],
      [6, 'section', 'ambiguous'],
    ]);
  });

  it('asks for the year when two years have a term of that name', async () => {
    const s = await newSchool();
    await t.db.withTenant(s.row.id, async (tx) => {
      const yearId = newId();
      await tx.insert(academicYears).values({
        schoolId: s.row.id,
        id: yearId,
        name: '2027-2028',
        startsOn: '2027-09-01',
        endsOn: '2028-06-30',
      });
      await tx.insert(terms).values({
        schoolId: s.row.id,
        id: newId(),
        academicYearId: yearId,
        name: 'Term 1',
        startsOn: '2027-09-01',
        endsOn: '2027-12-18',
      });
    });
    const withoutYear = 'term,subject_code,name,grade\nTerm 1,MATH,Maths for all,Grade 1';
    const body = (await preview(s, 'classes', withoutYear)).json();
    expect(body.errors).toEqual([
      expect.objectContaining({ row: 1, column: 'term', code: 'ambiguous' }),
    ]);
    expect(body.errors[0].message).toContain('year');
    const withYear =
      'term,year,subject_code,name,grade\nTerm 1,2027-2028,MATH,Maths for all,Grade 1';
    expect((await commitOk(s, 'classes', withYear)).summary.created).toBe(1);
  });

  it('enrolls students in classes once, however often the file comes', async () => {
    const s = await newSchool();
    await importEverything(s);
    expect(await count('class_enrollments', s.row.id)).toBe(48);
    const file = sample('enrollments.csv');
    expect((await commitOk(s, 'enrollments', file)).summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: 48,
    });
    // Without a start date, a running enrollment is the one meant.
    const noStart = 'admission_number,class,term\nS-2026-001,Grade 1A Mathematics,Term 1';
    expect((await commitOk(s, 'enrollments', noStart)).summary.unchanged).toBe(1);
    const fresh = 'admission_number,class,term\nS-2026-040,Grade 2A Science,Term 1';
    expect((await commitOk(s, 'enrollments', fresh)).summary.created).toBe(1);
    expect(await count('class_enrollments', s.row.id)).toBe(49);

    const bad = [
      'admission_number,class,term,starts_on',
      'S-404,Grade 1A Mathematics,Term 1,2026-09-01',
      'S-2026-001,Underwater Basket Weaving,Term 1,2026-09-01',
      'S-2026-001,Grade 1A English,Term 1,01/09/2026',
      'S-2026-002,Grade 1A English,Term 1,2026-09-01',
      'S-2026-002,Grade 1A English,Term 1,2026-09-01',
    ].join('\n');
    const body = (await preview(s, 'enrollments', bad)).json();
    expect(
      body.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [1, 'admission_number', 'unknown_student'],
      [2, 'class', 'unknown_class'],
      [3, 'starts_on', 'invalid_date'],
      [4, 'admission_number', 'duplicate'],
      [5, 'admission_number', 'duplicate'],
    ]);
  });
});

describe('export', () => {
  it('exports every kind in the columns the importer reads, and importing it changes nothing', async () => {
    const s = await newSchool();
    await importEverything(s);
    const auditBefore = (await auditActions(s.row.id)).length;
    const expected = { students: 40, guardians: 44, staff: 15, classes: 14, enrollments: 48 };
    for (const [kind, rows] of Object.entries(expected)) {
      const res = await exportCsv(s, kind);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="${s.row.slug}-${kind}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
      );
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const again = await commitOk(s, kind, res.rawPayload);
      expect(again).toMatchObject({ rows, summary: { created: 0, updated: 0, unchanged: rows } });
    }
    const actions = (await auditActions(s.row.id)).slice(auditBefore);
    expect(actions.filter((a) => a === 'import.exported')).toHaveLength(5);
    expect(actions.filter((a) => a === 'import.committed')).toHaveLength(5);
    expect(actions).toHaveLength(10);
  });

  it('prefixes cells a spreadsheet would run as formulas, and reads them back as they were', async () => {
    const s = await newSchool();
    await commitOk(
      s,
      'students',
      'admission_number,first_name,last_name\nS-1,"=HYPERLINK(""x"")",@Bob',
    );
    const exported = await exportCsv(s, 'students');
    expect(exported.body).toContain(`'=HYPERLINK(""x"")`);
    expect(exported.body).toContain(`'@Bob`);
    expect((await commitOk(s, 'students', exported.rawPayload)).summary.unchanged).toBe(1);
  });
});

describe('another school', () => {
  it("never attaches rows to another school's records, and writes nothing", async () => {
    const other = await newSchool({ sectionNames: ['Z'] });
    await commitOk(other, 'staff', sample('staff.csv'));
    await commitOk(other, 'students', `${STUDENTS_HEADER}\nS-OTHER-1,Only,There,,,,Grade 1,Z`);
    const s = await newSchool();
    const otherBefore = await count('students', other.row.id);

    const student = `${STUDENTS_HEADER}\nS-1,Ana,Lee,,,,Grade 1,Z`;
    const res = await commit(s, 'students', student);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ row: 1, column: 'section', code: 'unknown_section' }),
    ]);
    const guardian = 'admission_number,guardian_first_name,guardian_last_name\nS-OTHER-1,Eve,Spy';
    expect((await commit(s, 'guardians', guardian)).json().error.details).toEqual([
      expect.objectContaining({ row: 1, column: 'admission_number', code: 'unknown_student' }),
    ]);
    const teacher = 'term,subject_code,name,grade,teachers\nTerm 1,MATH,Borrowed,Grade 1,E-002';
    expect((await commit(s, 'classes', teacher)).json().error.details).toEqual([
      expect.objectContaining({ row: 1, column: 'teachers', code: 'unknown_teacher' }),
    ]);

    expect(await count('students', s.row.id)).toBe(0);
    expect(await count('guardians', s.row.id)).toBe(0);
    expect(await count('classes', s.row.id)).toBe(0);
    expect(await count('students', other.row.id)).toBe(otherBefore);
    const exported = await exportCsv(s, 'staff');
    expect(exported.body.trim().split('\r\n')).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('lets only holders of imports:manage preview, commit or export', async () => {
    const s = await newSchool();
    const teacher = await createUser(t.db, s.row.id, { roles: ['teacher'] });
    const client = new HostClient(h.app, `${s.row.slug}.localhost`);
    await client.signIn(teacher.email);
    const file = sample('students.csv');
    for (const [method, url] of [
      ['POST', '/api/imports/students/preview'],
      ['POST', '/api/imports/students/commit'],
      ['GET', '/api/imports/students/export'],
    ] as const) {
      const res = await send(client, method, url, method === 'POST' ? file : undefined);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      const anonymous = new HostClient(h.app, `${s.row.slug}.localhost`);
      expect(
        (await send(anonymous, method, url, method === 'POST' ? file : undefined)).statusCode,
      ).toBe(401);
    }
    expect(await count('students', s.row.id)).toBe(0);
  });
});

describe('API description', () => {
  it('documents the three import endpoints', async () => {
    const s = await newSchool();
    const res = await send(s.admin, 'GET', '/api/openapi.json');
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/imports/{kind}/preview',
        '/api/imports/{kind}/commit',
        '/api/imports/{kind}/export',
      ]),
    );
  });
});
