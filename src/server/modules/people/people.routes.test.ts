import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type BuiltInRole } from '../../../shared/permissions.js';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient, tokenFromText } from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from '../../platform/db/ids.js';
import {
  academicYears,
  classes,
  classTeachers,
  gradeLevels,
  sections,
  subjects,
  terms,
} from '../academics/academics.table.js';
import { classEnrollments } from '../enrollment/enrollment.table.js';
import type { SchoolRow } from '../schools/schools.repository.js';

let t: TestDatabase;
let h: TestApp;
let a: SchoolRow;
let b: SchoolRow;
let adminA: HostClient;
let adminB: HostClient;
const byRole = {} as Record<BuiltInRole, HostClient>;

type Json = Record<string, unknown> & { id: string };
type LinkColumn = 'linked_staff_id' | 'linked_student_id' | 'linked_guardian_id';

const tag = () => randomBytes(4).toString('hex');

async function signedIn(
  school: SchoolRow,
  roles: BuiltInRole[],
  link?: { column: LinkColumn; id: string },
): Promise<HostClient> {
  const user = await createUser(t.db, school.id, { roles });
  if (link) {
    await t.owner.query(`update users set ${link.column} = $1 where school_id = $2 and id = $3`, [
      link.id,
      school.id,
      user.id,
    ]);
  }
  const c = new HostClient(h.app, `${school.slug}.localhost`);
  expect((await c.signIn(user.email)).statusCode).toBe(200);
  return c;
}

async function created(c: HostClient, url: string, body: Record<string, unknown>): Promise<Json> {
  const res = await c.post(url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
}

const newStudent = (c: HostClient, body: Record<string, unknown> = {}) =>
  created(c, '/api/students', {
    admissionNumber: `ADM-${tag()}`,
    firstName: 'Sara',
    lastName: `Student ${tag()}`,
    ...body,
  });

const newGuardian = (c: HostClient, body: Record<string, unknown> = {}) =>
  created(c, '/api/guardians', { firstName: 'Gus', lastName: `Guardian ${tag()}`, ...body });

const newStaff = (c: HostClient, body: Record<string, unknown> = {}) =>
  created(c, '/api/staff', {
    employeeNumber: `EMP-${tag()}`,
    firstName: 'Tara',
    lastName: `Staff ${tag()}`,
    ...body,
  });

const put = (c: HostClient, url: string, body: Record<string, unknown>) =>
  c.request('PUT', url, body);

/** A grade level and one section in it, optionally with a homeroom teacher. */
async function createSection(schoolId: string, homeroomTeacherId: string | null = null) {
  const gradeLevelId = newId();
  const sectionId = newId();
  await t.db.withTenant(schoolId, async (tx) => {
    await tx
      .insert(gradeLevels)
      .values({ schoolId, id: gradeLevelId, name: `Grade ${tag()}`, sortOrder: 1 });
    await tx
      .insert(sections)
      .values({ schoolId, id: sectionId, gradeLevelId, name: 'A', homeroomTeacherId });
  });
  return { gradeLevelId, sectionId };
}

/** A class taught by the given staff member (a year, term, subject and section to hold it). */
async function createClass(schoolId: string, teacherId: string): Promise<string> {
  const { sectionId } = await createSection(schoolId);
  const yearId = newId();
  const termId = newId();
  const subjectId = newId();
  const classId = newId();
  await t.db.withTenant(schoolId, async (tx) => {
    await tx.insert(academicYears).values({
      schoolId,
      id: yearId,
      name: `Year ${tag()}`,
      startsOn: '2025-09-01',
      endsOn: '2026-07-01',
    });
    await tx.insert(terms).values({
      schoolId,
      id: termId,
      academicYearId: yearId,
      name: 'Autumn',
      startsOn: '2025-09-01',
      endsOn: '2025-12-20',
    });
    await tx.insert(subjects).values({ schoolId, id: subjectId, code: tag(), name: 'Maths' });
    await tx
      .insert(classes)
      .values({ schoolId, id: classId, name: 'Maths A', subjectId, termId, sectionId });
    await tx.insert(classTeachers).values({ schoolId, classId, staffId: teacherId });
  });
  return classId;
}

async function enroll(
  schoolId: string,
  classId: string,
  studentId: string,
  endsOn: string | null = null,
) {
  await t.db.withTenant(schoolId, (tx) =>
    tx
      .insert(classEnrollments)
      .values({ schoolId, id: newId(), classId, studentId, startsOn: '2025-09-01', endsOn }),
  );
}

async function auditOf(entityType: string, entityId: string, action: string) {
  const res = await adminA.get(
    `/api/audit-events?entityType=${entityType}&action=${encodeURIComponent(action)}&limit=200`,
  );
  expect(res.statusCode).toBe(200);
  return (res.json().items as { entityId: string; before: unknown; after: unknown }[]).find(
    (e) => e.entityId === entityId,
  );
}

async function latestMail(schoolId: string, to: string): Promise<string | null> {
  const rows = await t.owner.query<{ body_text: string }>(
    'select body_text from mail_outbox where school_id = $1 and to_address = $2 order by created_at desc, id desc limit 1',
    [schoolId, to],
  );
  return rows[0]?.body_text ?? null;
}

async function allPages(c: HostClient, url: string): Promise<Json[]> {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await c.get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
    expect(res.statusCode, res.body).toBe(200);
    items.push(...(res.json().items as Json[]));
    cursor = res.json().nextCursor as string | null;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  a = await createSchool(t.db);
  b = await createSchool(t.db);
  for (const role of BUILT_IN_ROLES) byRole[role] = await signedIn(a, [role]);
  adminA = byRole.admin;
  adminB = await signedIn(b, ['admin']);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

describe('who may call what', () => {
  const cases: [string, string, BuiltInRole[], () => Record<string, unknown> | undefined][] = [
    ['GET', '/api/students', [...BUILT_IN_ROLES], () => undefined],
    [
      'POST',
      '/api/students',
      ['admin', 'staff'],
      () => ({ admissionNumber: `M-${tag()}`, firstName: 'Matrix', lastName: 'Pupil' }),
    ],
    ['GET', '/api/guardians', [...BUILT_IN_ROLES], () => undefined],
    ['POST', '/api/guardians', ['admin', 'staff'], () => ({ firstName: 'M', lastName: 'G' })],
    ['GET', '/api/staff', ['admin', 'teacher', 'accountant', 'staff'], () => undefined],
    [
      'POST',
      '/api/staff',
      ['admin'],
      () => ({ employeeNumber: `M-${tag()}`, firstName: 'M', lastName: 'S' }),
    ],
  ];
  it.each(
    cases.flatMap(([method, url, allowed, body]) =>
      BUILT_IN_ROLES.map((role) => [role, method, url, allowed.includes(role), body] as const),
    ),
  )('%s: %s %s', async (role, method, url, allowed, body) => {
    const res = await byRole[role].request(method, url, body());
    if (allowed) expect(res.statusCode, res.body).toBeLessThan(300);
    else {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('answers 401 without a session', async () => {
    const anonymous = new HostClient(h.app, `${a.slug}.localhost`);
    for (const url of ['/api/students', '/api/guardians', '/api/staff']) {
      expect((await anonymous.get(url)).statusCode).toBe(401);
    }
  });

  it('describes every people endpoint in the OpenAPI document', async () => {
    const doc = (await adminA.get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const path of [
      '/api/students',
      '/api/students/{id}',
      '/api/students/{id}/status',
      '/api/students/{id}/guardians',
      '/api/students/{id}/guardians/{guardianId}',
      '/api/students/{id}/account',
      '/api/guardians',
      '/api/guardians/{id}',
      '/api/guardians/{id}/students',
      '/api/guardians/{id}/account',
      '/api/staff',
      '/api/staff/{id}',
      '/api/staff/{id}/archive',
      '/api/staff/{id}/account',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/students/{id}/guardians/{guardianId}'] ?? {})).toEqual(
      expect.arrayContaining(['put', 'delete']),
    );
  });
});

describe('students', () => {
  it('admits, reads and changes a student, and audits each change', async () => {
    const student = await newStudent(adminA, {
      admissionNumber: 'A-1001',
      firstName: ' Lina ',
      lastName: 'Haddad',
      dateOfBirth: '2014-05-02',
      gender: 'female',
    });
    expect(student).toMatchObject({
      admissionNumber: 'A-1001',
      firstName: 'Lina',
      status: 'applicant',
      enrolledOn: null,
      sectionId: null,
      userId: null,
      dateOfBirth: '2014-05-02',
    });
    expect((await adminA.get(`/api/students/${student.id}`)).json()).toEqual(student);

    const changed = await adminA.patch(`/api/students/${student.id}`, {
      firstName: 'Leena',
      dateOfBirth: '2014-05-03',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ firstName: 'Leena', dateOfBirth: '2014-05-03' });
    expect(await auditOf('student', student.id, 'student.created')).toMatchObject({
      after: { admissionNumber: 'A-1001', status: 'applicant' },
    });
    expect(await auditOf('student', student.id, 'student.updated')).toMatchObject({
      before: { firstName: 'Lina', dateOfBirth: '2014-05-02' },
      after: { firstName: 'Leena', dateOfBirth: '2014-05-03' },
    });

    const enrolled = await newStudent(adminA, { status: 'enrolled' });
    expect(enrolled.status).toBe('enrolled');
    expect(enrolled.enrolledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses an admission number already used in the school, not one used elsewhere', async () => {
    const number = `DUP-${tag()}`;
    await newStudent(adminA, { admissionNumber: number });
    const again = await adminA.post('/api/students', {
      admissionNumber: number,
      firstName: 'Second',
      lastName: 'Pupil',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'ADMISSION_NUMBER_TAKEN',
      details: [{ field: 'admissionNumber' }],
    });
    const other = await newStudent(adminA);
    const renamed = await adminA.patch(`/api/students/${other.id}`, { admissionNumber: number });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.code).toBe('ADMISSION_NUMBER_TAKEN');
    await newStudent(adminB, { admissionNumber: number });
  });

  it('refuses invalid dates, blank names, unknown fields and unknown sections', async () => {
    const base = { admissionNumber: `V-${tag()}`, firstName: 'Val', lastName: 'Idation' };
    const refused: [Record<string, unknown>, string][] = [
      [{ ...base, dateOfBirth: '2014-02-30' }, 'dateOfBirth'],
      [{ ...base, dateOfBirth: '02/03/2014' }, 'dateOfBirth'],
      [{ ...base, dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      [{ ...base, firstName: '   ' }, 'firstName'],
      [{ ...base, status: 'graduated' }, 'status'],
      [{ ...base, nickname: 'Vee' }, 'nickname'],
      [{ ...base, sectionId: newId() }, 'sectionId'],
    ];
    for (const [body, field] of refused) {
      const res = await adminA.post('/api/students', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await adminA.patch(`/api/students/${newId()}`, {})).statusCode).toBe(400);
    expect((await adminA.get('/api/students/not-a-uuid')).statusCode).toBe(400);
  });

  it('lists with search, filters, sorting and keyset pages', async () => {
    const family = `fam${tag()}`;
    const names = ['Ann', 'Ben', 'Cai', 'Dee', 'Eve'];
    const ids: Record<string, string> = {};
    for (const [i, firstName] of names.entries()) {
      const s = await newStudent(adminA, {
        firstName,
        lastName: family,
        admissionNumber: `${family}-${5 - i}`,
      });
      ids[firstName] = s.id;
    }
    const firstNames = (items: Json[]) => items.map((s) => s.firstName);

    expect(firstNames(await allPages(adminA, `/api/students?q=${family}&limit=2`))).toEqual(names);
    expect(
      firstNames(await allPages(adminA, `/api/students?q=${family}&limit=2&order=desc`)),
    ).toEqual([...names].reverse());
    expect(
      firstNames(await allPages(adminA, `/api/students?q=${family}&limit=3&sort=admissionNumber`)),
    ).toEqual([...names].reverse());
    expect(firstNames(await allPages(adminA, `/api/students?q=${family}-3`))).toEqual(['Cai']);
    expect(firstNames(await allPages(adminA, `/api/students?q=dee%20${family}`))).toEqual(['Dee']);
    expect(await allPages(adminA, `/api/students?q=${family}%25`)).toEqual([]);

    await adminA.post(`/api/students/${ids.Ben}/status`, { status: 'enrolled' });
    expect(firstNames(await allPages(adminA, `/api/students?q=${family}&status=enrolled`))).toEqual(
      ['Ben'],
    );

    const { gradeLevelId, sectionId } = await createSection(a.id);
    const other = await createSection(a.id);
    await adminA.patch(`/api/students/${ids.Ann}`, { sectionId });
    await adminA.patch(`/api/students/${ids.Eve}`, { sectionId });
    await adminA.patch(`/api/students/${ids.Cai}`, { sectionId: other.sectionId });
    expect(firstNames(await allPages(adminA, `/api/students?sectionId=${sectionId}`))).toEqual([
      'Ann',
      'Eve',
    ]);
    expect(
      firstNames(await allPages(adminA, `/api/students?gradeLevelId=${gradeLevelId}`)),
    ).toEqual(['Ann', 'Eve']);
    expect(
      firstNames(await allPages(adminA, `/api/students?gradeLevelId=${other.gradeLevelId}`)),
    ).toEqual(['Cai']);

    const first = (await adminA.get(`/api/students?q=${family}&limit=1`)).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const mixed = await adminA.get(
      `/api/students?q=${family}&sort=admissionNumber&cursor=${first.nextCursor}`,
    );
    expect(mixed.statusCode).toBe(400);
    expect((await adminA.get('/api/students?cursor=garbage')).statusCode).toBe(400);
    expect((await adminA.get('/api/students?status=expelled')).statusCode).toBe(400);
    expect((await adminA.get('/api/students?limit=500')).statusCode).toBe(400);
  });

  it('moves students along the lifecycle and refuses every other transition', async () => {
    const s = await newStudent(adminA);
    const to = (status: string, reason?: string) =>
      adminA.post(`/api/students/${s.id}/status`, { status, ...(reason ? { reason } : {}) });

    const skipped = await to('graduated');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.code).toBe('INVALID_TRANSITION');

    const enrolled = await to('enrolled');
    expect(enrolled.statusCode).toBe(200);
    const enrolledOn = enrolled.json().enrolledOn as string;
    expect(enrolledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await to('enrolled')).statusCode).toBe(409);
    expect((await to('suspended', 'Behaviour review')).json().status).toBe('suspended');
    expect((await to('graduated')).statusCode).toBe(409);
    const back = await to('enrolled');
    expect(back.json()).toMatchObject({ status: 'enrolled', enrolledOn });
    expect((await to('withdrawn', 'Moved abroad')).json().status).toBe('withdrawn');
    for (const status of ['enrolled', 'applicant', 'suspended', 'graduated']) {
      const refused = await to(status);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('INVALID_TRANSITION');
    }
    expect(await auditOf('student', s.id, 'student.status_changed')).toBeDefined();
    const audit = await adminA.get(
      '/api/audit-events?entityType=student&action=student.status_changed&limit=200',
    );
    const reasons = (audit.json().items as { entityId: string; after: { reason?: string } }[])
      .filter((e) => e.entityId === s.id)
      .map((e) => e.after.reason)
      .filter(Boolean);
    expect(reasons.sort()).toEqual(['Behaviour review', 'Moved abroad']);

    const applicant = await newStudent(adminA);
    expect(
      (await adminA.post(`/api/students/${applicant.id}/status`, { status: 'withdrawn' })).json()
        .status,
    ).toBe('withdrawn');
    const leaver = await newStudent(adminA, { status: 'enrolled' });
    await adminA.post(`/api/students/${leaver.id}/status`, { status: 'suspended' });
    expect(
      (await adminA.post(`/api/students/${leaver.id}/status`, { status: 'transferred' })).json()
        .status,
    ).toBe('transferred');
    const graduate = await newStudent(adminA, { status: 'enrolled' });
    expect(
      (await adminA.post(`/api/students/${graduate.id}/status`, { status: 'graduated' })).json()
        .status,
    ).toBe('graduated');
    expect(
      (await byRole.teacher.post(`/api/students/${graduate.id}/status`, { status: 'enrolled' }))
        .statusCode,
    ).toBe(403);
  });

  it('deletes a mistaken record with its own guardian links, and says so in the audit', async () => {
    const s = await newStudent(adminA);
    const g = await newGuardian(adminA);
    await put(adminA, `/api/students/${s.id}/guardians/${g.id}`, { relationship: 'aunt' });
    const res = await adminA.delete(`/api/students/${s.id}`);
    expect(res.statusCode).toBe(204);
    expect((await adminA.get(`/api/students/${s.id}`)).statusCode).toBe(404);
    expect((await adminA.get(`/api/guardians/${g.id}`)).statusCode).toBe(200);
    expect((await adminA.get(`/api/guardians/${g.id}/students`)).json().items).toEqual([]);
    expect(await auditOf('student', s.id, 'student.deleted')).toMatchObject({
      before: { guardianLinks: [{ guardianId: g.id, relationship: 'aunt' }] },
      after: { guardianLinksRemoved: 1 },
    });
    expect((await adminA.delete(`/api/students/${s.id}`)).statusCode).toBe(404);
  });

  it('refuses to delete a student with enrollments or an account: withdraw instead', async () => {
    const teacher = await newStaff(adminA, { isTeacher: true });
    const classId = await createClass(a.id, teacher.id);
    const enrolled = await newStudent(adminA);
    await enroll(a.id, classId, enrolled.id);
    const res = await adminA.delete(`/api/students/${enrolled.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IN_USE');
    expect(res.json().error.message).toMatch(/withdraw/);

    const withAccount = await newStudent(adminA);
    await created(adminA, `/api/students/${withAccount.id}/account`, {
      email: `acct-${tag()}@example.test`,
    });
    const refused = await adminA.delete(`/api/students/${withAccount.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'IN_USE' });
    expect(refused.json().error.message).toMatch(/account/);
    expect((await adminA.get(`/api/students/${withAccount.id}`)).statusCode).toBe(200);
  });
});

describe('guardians and their links to students', () => {
  it('links guardians with flags and keeps a single primary contact', async () => {
    const s = await newStudent(adminA);
    const mother = await newGuardian(adminA, { firstName: 'Mona' });
    const father = await newGuardian(adminA, { firstName: 'Fadi' });

    const first = await put(adminA, `/api/students/${s.id}/guardians/${mother.id}`, {
      relationship: 'mother',
      isPrimary: true,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      studentId: s.id,
      guardianId: mother.id,
      relationship: 'mother',
      isPrimary: true,
      portalAccess: true,
      pickupAllowed: true,
      noContact: false,
      guardian: { id: mother.id, firstName: 'Mona' },
    });
    const second = await put(adminA, `/api/students/${s.id}/guardians/${father.id}`, {
      relationship: 'father',
      isPrimary: true,
      pickupAllowed: false,
    });
    expect(second.statusCode).toBe(201);

    const list = (await adminA.get(`/api/students/${s.id}/guardians`)).json().items as Json[];
    expect(list.map((l) => [l.guardianId, l.isPrimary, l.pickupAllowed])).toEqual([
      [father.id, true, false],
      [mother.id, false, true],
    ]);
    expect(
      await auditOf('student_guardian', `${s.id}:${father.id}`, 'student_guardian.linked'),
    ).toMatchObject({ after: { isPrimary: true, primaryClearedFor: [mother.id] } });

    const update = await put(adminA, `/api/students/${s.id}/guardians/${mother.id}`, {
      noContact: true,
    });
    expect(update.statusCode).toBe(200);
    expect(update.json()).toMatchObject({
      relationship: 'mother',
      isPrimary: false,
      noContact: true,
    });
    expect(
      await auditOf('student_guardian', `${s.id}:${mother.id}`, 'student_guardian.updated'),
    ).toMatchObject({ before: { noContact: false }, after: { noContact: true } });

    const children = (await adminA.get(`/api/guardians/${father.id}/students`)).json();
    expect(children.items).toEqual([
      expect.objectContaining({
        studentId: s.id,
        relationship: 'father',
        student: expect.objectContaining({ id: s.id }),
      }),
    ]);

    expect((await adminA.delete(`/api/students/${s.id}/guardians/${mother.id}`)).statusCode).toBe(
      204,
    );
    expect((await adminA.delete(`/api/students/${s.id}/guardians/${mother.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await adminA.get(`/api/students/${s.id}/guardians`))
        .json()
        .items.map((l: Json) => l.guardianId),
    ).toEqual([father.id]);
    expect(
      await auditOf('student_guardian', `${s.id}:${mother.id}`, 'student_guardian.unlinked'),
    ).toMatchObject({ before: { relationship: 'mother' } });

    expect(
      (await put(adminA, `/api/students/${s.id}/guardians/${newId()}`, {})).json().error.code,
    ).toBe('GUARDIAN_NOT_FOUND');
    expect(
      (await put(adminA, `/api/students/${newId()}/guardians/${father.id}`, {})).json().error.code,
    ).toBe('STUDENT_NOT_FOUND');
    expect(
      (await put(adminA, `/api/students/${s.id}/guardians/${father.id}`, { isPrimary: 'yes' }))
        .statusCode,
    ).toBe(400);
  });

  it('keeps guardian records with contact data, searchable, and refuses deleting linked ones', async () => {
    const family = `gua${tag()}`;
    const g = await newGuardian(adminA, {
      firstName: 'Hala',
      lastName: family,
      email: ` Hala.${family}@Example.TEST `.trim(),
      phone: '+971 50 123 4567',
      address: '12 Palm Street',
    });
    expect(g).toMatchObject({ email: `hala.${family}@example.test`, userId: null });
    expect((await allPages(adminA, `/api/guardians?q=hala.${family}`)).map((x) => x.id)).toEqual([
      g.id,
    ]);
    expect((await allPages(adminA, `/api/guardians?q=${family}`)).map((x) => x.id)).toEqual([g.id]);

    const changed = await adminA.patch(`/api/guardians/${g.id}`, { phone: null, lastName: 'Said' });
    expect(changed.json()).toMatchObject({ phone: null, lastName: 'Said' });
    expect(await auditOf('guardian', g.id, 'guardian.updated')).toMatchObject({
      before: { lastName: family },
      after: { lastName: 'Said', phone: null },
    });

    const s = await newStudent(adminA);
    await put(adminA, `/api/students/${s.id}/guardians/${g.id}`, {});
    const refused = await adminA.delete(`/api/guardians/${g.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IN_USE');
    await adminA.delete(`/api/students/${s.id}/guardians/${g.id}`);
    expect((await adminA.delete(`/api/guardians/${g.id}`)).statusCode).toBe(204);
    expect((await adminA.get(`/api/guardians/${g.id}`)).statusCode).toBe(404);
    expect(await auditOf('guardian', g.id, 'guardian.deleted')).toBeDefined();
  });
});

describe('staff', () => {
  it('keeps a directory with unique employee numbers, filters and sorting', async () => {
    const dept = `Dept ${tag()}`;
    const maths = await newStaff(adminA, {
      employeeNumber: `${dept}-2`,
      firstName: 'Maya',
      lastName: 'Abbas',
      department: dept,
      position: 'Teacher',
      isTeacher: true,
    });
    const office = await newStaff(adminA, {
      employeeNumber: `${dept}-1`,
      firstName: 'Omar',
      lastName: 'Zein',
      department: dept,
      position: 'Registrar',
    });
    expect(maths).toMatchObject({ isTeacher: true, status: 'active', userId: null });

    const dup = await adminA.post('/api/staff', {
      employeeNumber: `${dept}-1`,
      firstName: 'X',
      lastName: 'Y',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EMPLOYEE_NUMBER_TAKEN');
    expect(
      (await adminA.patch(`/api/staff/${maths.id}`, { employeeNumber: `${dept}-1` })).statusCode,
    ).toBe(409);

    const inDept = encodeURIComponent(dept);
    const ids = async (query: string) =>
      (await allPages(adminA, `/api/staff?department=${inDept}&${query}`)).map((s) => s.id);
    expect(await ids('limit=1')).toEqual([maths.id, office.id]);
    expect(await ids('limit=1&sort=employeeNumber')).toEqual([office.id, maths.id]);
    expect(await ids('sort=employeeNumber&order=desc')).toEqual([maths.id, office.id]);
    expect(await ids('isTeacher=true')).toEqual([maths.id]);
    expect(await ids('isTeacher=false')).toEqual([office.id]);
    expect((await allPages(adminA, `/api/staff?q=${inDept}-1`)).map((s) => s.id)).toEqual([
      office.id,
    ]);
    expect((await allPages(adminA, `/api/staff?q=omar%20zein`)).map((s) => s.id)).toContain(
      office.id,
    );

    const changed = await adminA.patch(`/api/staff/${office.id}`, { position: 'Head registrar' });
    expect(changed.json().position).toBe('Head registrar');
    expect((await byRole.teacher.get(`/api/staff/${office.id}`)).json().position).toBe(
      'Head registrar',
    );
    expect(
      (await byRole.staff.patch(`/api/staff/${office.id}`, { position: 'x' })).statusCode,
    ).toBe(403);

    await adminA.post(`/api/staff/${office.id}/archive`);
    expect(await ids('status=active')).toEqual([maths.id]);
    expect(await ids('status=archived')).toEqual([office.id]);
  });

  it('refuses to delete staff who teach or lead a homeroom, and archives them instead', async () => {
    const teacher = await newStaff(adminA, { isTeacher: true });
    await createClass(a.id, teacher.id);
    const res = await adminA.delete(`/api/staff/${teacher.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IN_USE');
    expect(res.json().error.message).toContain(`/api/staff/${teacher.id}/archive`);

    const homeroom = await newStaff(adminA, { isTeacher: true });
    await createSection(a.id, homeroom.id);
    expect((await adminA.delete(`/api/staff/${homeroom.id}`)).statusCode).toBe(409);

    const archived = await adminA.post(`/api/staff/${teacher.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe('archived');
    expect((await adminA.post(`/api/staff/${teacher.id}/archive`)).statusCode).toBe(409);
    expect(await auditOf('staff', teacher.id, 'staff.archived')).toMatchObject({
      before: { status: 'active' },
      after: { status: 'archived' },
    });
    expect((await adminA.post(`/api/staff/${teacher.id}/restore`)).json().status).toBe('active');

    const mistake = await newStaff(adminA);
    expect((await adminA.delete(`/api/staff/${mistake.id}`)).statusCode).toBe(204);
    expect((await adminA.get(`/api/staff/${mistake.id}`)).statusCode).toBe(404);
    expect(await auditOf('staff', mistake.id, 'staff.deleted')).toBeDefined();
  });
});

describe('accounts for people', () => {
  it('gives a student an invited account; accepted, her session sees only herself', async () => {
    const s = await newStudent(adminA, { firstName: 'Nour', lastName: 'Khalil' });
    const other = await newStudent(adminA);
    const email = `nour-${tag()}@example.test`;
    const res = await adminA.post(`/api/students/${s.id}/account`, { email: email.toUpperCase() });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email,
      name: 'Nour Khalil',
      status: 'invited',
      roles: ['student'],
    });
    const rows = await t.owner.query<{ linked_student_id: string }>(
      'select linked_student_id from users where school_id = $1 and id = $2',
      [a.id, user.id],
    );
    expect(rows[0]?.linked_student_id).toBe(s.id);
    expect((await adminA.get(`/api/students/${s.id}`)).json().userId).toBe(user.id);
    expect(await auditOf('student', s.id, 'student.account_linked')).toMatchObject({
      after: { userId: user.id, email },
    });

    const again = await adminA.post(`/api/students/${s.id}/account`, {
      email: `n2-${tag()}@example.test`,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACCOUNT_ALREADY_LINKED');
    const taken = await adminA.post(`/api/students/${other.id}/account`, { email });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');

    const mail = await latestMail(a.id, email);
    expect(mail).toContain('/accept-invitation#token=');
    const nour = new HostClient(h.app, `${a.slug}.localhost`);
    const accepted = await nour.post('/api/auth/invitations/accept', {
      token: tokenFromText(mail ?? '', '/accept-invitation'),
      password: 'my own long passphrase',
    });
    expect(accepted.statusCode).toBe(200);
    const me = (await nour.get('/api/me')).json();
    expect(me).toMatchObject({ roles: ['student'], scopes: { 'students:read': ['self'] } });
    expect((await allPages(nour, '/api/students')).map((x) => x.id)).toEqual([s.id]);
    expect((await nour.get(`/api/students/${s.id}`)).json().userId).toBe(user.id);
    expect((await nour.get(`/api/students/${other.id}`)).statusCode).toBe(404);
  });

  it('gives guardians the guardian role and staff the teacher or staff role', async () => {
    const g = await newGuardian(adminA);
    const guardianUser = await created(adminA, `/api/guardians/${g.id}/account`, {
      email: `g-${tag()}@example.test`,
      name: 'Mr Guardian',
    });
    expect(guardianUser).toMatchObject({ roles: ['guardian'], name: 'Mr Guardian' });
    expect((await adminA.get(`/api/guardians/${g.id}`)).json().userId).toBe(guardianUser.id);

    const teacher = await newStaff(adminA, { isTeacher: true });
    const clerk = await newStaff(adminA);
    const teacherUser = await created(adminA, `/api/staff/${teacher.id}/account`, {
      email: `t-${tag()}@example.test`,
    });
    const clerkUser = await created(adminA, `/api/staff/${clerk.id}/account`, {
      email: `c-${tag()}@example.test`,
    });
    expect(teacherUser.roles).toEqual(['teacher']);
    expect(clerkUser.roles).toEqual(['staff']);
    expect(await latestMail(a.id, teacherUser.email as string)).toContain('/accept-invitation');
    expect((await adminA.delete(`/api/staff/${clerk.id}`)).statusCode).toBe(409);
    expect((await adminA.delete(`/api/guardians/${g.id}`)).statusCode).toBe(409);

    const leaver = await newStaff(adminA);
    await adminA.post(`/api/staff/${leaver.id}/archive`);
    const refused = await adminA.post(`/api/staff/${leaver.id}/account`, {
      email: `l-${tag()}@example.test`,
    });
    expect(refused.statusCode).toBe(422);
    expect(
      (await byRole.staff.post(`/api/staff/${teacher.id}/account`, { email: 'x@example.test' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('relationship scopes', () => {
  it('shows a teacher only the students of her classes and homeroom, and their guardians', async () => {
    const family = `tch${tag()}`;
    const staffRow = await newStaff(adminA, { isTeacher: true });
    const teacher = await signedIn(a, ['teacher'], { column: 'linked_staff_id', id: staffRow.id });
    const classId = await createClass(a.id, staffRow.id);
    const { sectionId } = await createSection(a.id, staffRow.id);
    const inClass = await newStudent(adminA, { firstName: 'Ada', lastName: family });
    const inHomeroom = await newStudent(adminA, { firstName: 'Bea', lastName: family, sectionId });
    const elsewhere = await newStudent(adminA, { firstName: 'Cal', lastName: family });
    const left = await newStudent(adminA, { firstName: 'Dan', lastName: family });
    await enroll(a.id, classId, inClass.id);
    await enroll(a.id, classId, left.id, '2020-01-01');
    const g1 = await newGuardian(adminA);
    const g2 = await newGuardian(adminA);
    await put(adminA, `/api/students/${inClass.id}/guardians/${g1.id}`, {});
    await put(adminA, `/api/students/${elsewhere.id}/guardians/${g2.id}`, {});

    expect((await allPages(teacher, `/api/students?q=${family}`)).map((s) => s.id)).toEqual([
      inClass.id,
      inHomeroom.id,
    ]);
    expect((await teacher.get(`/api/students/${inClass.id}`)).statusCode).toBe(200);
    const hidden = await teacher.get(`/api/students/${elsewhere.id}`);
    const absent = await teacher.get(`/api/students/${newId()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(absent.json());
    expect((await teacher.get(`/api/students/${left.id}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/students/${elsewhere.id}/guardians`)).statusCode).toBe(404);

    const guardians = (await allPages(teacher, '/api/guardians')).map((g) => g.id);
    expect(guardians).toContain(g1.id);
    expect(guardians).not.toContain(g2.id);
    expect((await teacher.get(`/api/guardians/${g2.id}`)).statusCode).toBe(404);
    expect(
      (await teacher.get(`/api/students/${inClass.id}/guardians`))
        .json()
        .items.map((l: Json) => l.guardianId),
    ).toEqual([g1.id]);
    expect(
      (await teacher.patch(`/api/students/${inClass.id}`, { firstName: 'X' })).statusCode,
    ).toBe(403);
    expect((await teacher.patch(`/api/guardians/${g1.id}`, { phone: '1' })).statusCode).toBe(403);
  });

  it('shows a guardian only linked children with portal access, and lets him edit his contact data', async () => {
    const family = `grd${tag()}`;
    const mine = await newStudent(adminA, { firstName: 'Ali', lastName: family });
    const noPortal = await newStudent(adminA, { firstName: 'Bas', lastName: family });
    const notMine = await newStudent(adminA, { firstName: 'Cem', lastName: family });
    const g = await newGuardian(adminA, { firstName: 'Karim' });
    const otherGuardian = await newGuardian(adminA);
    await put(adminA, `/api/students/${mine.id}/guardians/${g.id}`, { isPrimary: true });
    await put(adminA, `/api/students/${noPortal.id}/guardians/${g.id}`, { portalAccess: false });
    await put(adminA, `/api/students/${mine.id}/guardians/${otherGuardian.id}`, {});
    await put(adminA, `/api/students/${notMine.id}/guardians/${otherGuardian.id}`, {});
    const karim = await signedIn(a, ['guardian'], { column: 'linked_guardian_id', id: g.id });

    expect((await allPages(karim, `/api/students?q=${family}`)).map((s) => s.id)).toEqual([
      mine.id,
    ]);
    expect((await karim.get(`/api/students/${noPortal.id}`)).statusCode).toBe(404);
    expect((await karim.get(`/api/students/${notMine.id}`)).statusCode).toBe(404);
    expect((await allPages(karim, '/api/guardians')).map((x) => x.id)).toEqual([g.id]);
    expect((await karim.get(`/api/guardians/${otherGuardian.id}`)).statusCode).toBe(404);
    expect(
      (await karim.get(`/api/guardians/${g.id}/students`))
        .json()
        .items.map((l: Json) => l.studentId),
    ).toEqual([mine.id]);
    expect(
      (await karim.get(`/api/students/${mine.id}/guardians`))
        .json()
        .items.map((l: Json) => l.guardianId),
    ).toEqual([g.id]);

    const own = await karim.patch(`/api/guardians/${g.id}`, {
      phone: '+971 55 000 1111',
      address: '3 Harbour Road',
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ phone: '+971 55 000 1111', address: '3 Harbour Road' });
    expect(await auditOf('guardian', g.id, 'guardian.contact_updated')).toMatchObject({
      after: { phone: '+971 55 000 1111' },
    });
    const rename = await karim.patch(`/api/guardians/${g.id}`, { firstName: 'Someone' });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().error.details).toEqual([expect.objectContaining({ field: 'firstName' })]);
    expect(
      (await karim.patch(`/api/guardians/${otherGuardian.id}`, { phone: '1' })).statusCode,
    ).toBe(404);
    expect((await karim.delete(`/api/guardians/${g.id}`)).statusCode).toBe(403);
    expect((await karim.get('/api/staff')).statusCode).toBe(403);
  });

  it('shows a student only herself and her own guardians', async () => {
    const family = `stu${tag()}`;
    const me = await newStudent(adminA, { firstName: 'Rana', lastName: family });
    const classmate = await newStudent(adminA, { firstName: 'Sami', lastName: family });
    const parent = await newGuardian(adminA);
    const stranger = await newGuardian(adminA);
    await put(adminA, `/api/students/${me.id}/guardians/${parent.id}`, { relationship: 'mother' });
    await put(adminA, `/api/students/${classmate.id}/guardians/${stranger.id}`, {});
    const rana = await signedIn(a, ['student'], { column: 'linked_student_id', id: me.id });

    expect((await allPages(rana, '/api/students')).map((s) => s.id)).toEqual([me.id]);
    expect((await rana.get(`/api/students/${classmate.id}`)).statusCode).toBe(404);
    expect((await allPages(rana, '/api/guardians')).map((g) => g.id)).toEqual([parent.id]);
    expect((await rana.get(`/api/guardians/${stranger.id}`)).statusCode).toBe(404);
    expect(
      (await rana.get(`/api/students/${me.id}/guardians`))
        .json()
        .items.map((l: Json) => l.relationship),
    ).toEqual(['mother']);
    expect((await rana.get(`/api/students/${classmate.id}/guardians`)).statusCode).toBe(404);
    expect((await rana.patch(`/api/guardians/${parent.id}`, { phone: '1' })).statusCode).toBe(403);
    expect((await rana.get('/api/staff')).statusCode).toBe(403);
  });

  it('shows nothing to a teacher, guardian or student account linked to no record', async () => {
    await newStudent(adminA);
    for (const role of ['teacher', 'guardian', 'student'] as const) {
      expect((await byRole[role].get('/api/students')).json().items).toEqual([]);
    }
    expect((await byRole.accountant.get('/api/students?limit=1')).json().items).toHaveLength(1);
  });
});

describe('plan limits', () => {
  it('refuses a student beyond the plan, counting only students who may attend', async () => {
    const c = await createSchool(t.db);
    await t.owner.query(`update schools set limit_overrides = '{"maxStudents": 2}' where id = $1`, [
      c.id,
    ]);
    const admin = await signedIn(c, ['admin']);
    const first = await newStudent(admin);
    await newStudent(admin, { status: 'enrolled' });
    const over = await admin.post('/api/students', {
      admissionNumber: 'OVER-1',
      firstName: 'One',
      lastName: 'Toomany',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('PLAN_LIMIT_REACHED');
    expect(over.json().error.message).toContain('2 students');
    await admin.post(`/api/students/${first.id}/status`, { status: 'withdrawn' });
    await newStudent(admin, { admissionNumber: 'OVER-1' });
  });

  it('refuses a staff member beyond the plan; archived staff do not count', async () => {
    const c = await createSchool(t.db);
    await t.owner.query(`update schools set limit_overrides = '{"maxStaff": 1}' where id = $1`, [
      c.id,
    ]);
    const admin = await signedIn(c, ['admin']);
    const first = await newStaff(admin);
    const over = await admin.post('/api/staff', {
      employeeNumber: 'E-2',
      firstName: 'Two',
      lastName: 'Many',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'PLAN_LIMIT_REACHED' });
    expect(over.json().error.message).toContain('1 staff');
    await admin.post(`/api/staff/${first.id}/archive`);
    await newStaff(admin, { employeeNumber: 'E-2' });
    const restore = await admin.post(`/api/staff/${first.id}/restore`);
    expect(restore.statusCode).toBe(422);
    expect(restore.json().error.code).toBe('PLAN_LIMIT_REACHED');
  });
});

describe('another school', () => {
  it("never lists, reads, changes, links or deletes this school's people", async () => {
    const s = await newStudent(adminA, { lastName: `Cross${tag()}` });
    const g = await newGuardian(adminA, { lastName: `Cross${tag()}` });
    const st = await newStaff(adminA, { lastName: `Cross${tag()}` });
    await put(adminA, `/api/students/${s.id}/guardians/${g.id}`, {});
    const { sectionId } = await createSection(a.id);
    const bStudent = await newStudent(adminB);
    const bGuardian = await newGuardian(adminB);

    const probes: [string, string, Record<string, unknown>?][] = [
      ['GET', `/api/students/${s.id}`],
      ['PATCH', `/api/students/${s.id}`, { firstName: 'Hijack' }],
      ['POST', `/api/students/${s.id}/status`, { status: 'enrolled' }],
      ['GET', `/api/students/${s.id}/guardians`],
      ['PUT', `/api/students/${s.id}/guardians/${bGuardian.id}`, {}],
      ['PUT', `/api/students/${bStudent.id}/guardians/${g.id}`, {}],
      ['DELETE', `/api/students/${s.id}/guardians/${g.id}`],
      ['POST', `/api/students/${s.id}/account`, { email: `x-${tag()}@example.test` }],
      ['DELETE', `/api/students/${s.id}`],
      ['GET', `/api/guardians/${g.id}`],
      ['PATCH', `/api/guardians/${g.id}`, { phone: '0' }],
      ['GET', `/api/guardians/${g.id}/students`],
      ['POST', `/api/guardians/${g.id}/account`, { email: `y-${tag()}@example.test` }],
      ['DELETE', `/api/guardians/${g.id}`],
      ['GET', `/api/staff/${st.id}`],
      ['PATCH', `/api/staff/${st.id}`, { position: 'Spy' }],
      ['POST', `/api/staff/${st.id}/archive`],
      ['POST', `/api/staff/${st.id}/account`, { email: `z-${tag()}@example.test` }],
      ['DELETE', `/api/staff/${st.id}`],
    ];
    for (const [method, url, body] of probes) {
      const res = await adminB.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toMatch(/_NOT_FOUND$/);
    }
    const absent = await adminB.get(`/api/students/${newId()}`);
    expect((await adminB.get(`/api/students/${s.id}`)).json()).toEqual(absent.json());

    for (const url of ['/api/students', '/api/guardians', '/api/staff']) {
      expect(await allPages(adminB, `${url}?q=cross`)).toEqual([]);
    }
    const foreignSection = await adminB.post('/api/students', {
      admissionNumber: `B-${tag()}`,
      firstName: 'B',
      lastName: 'Pupil',
      sectionId,
    });
    expect(foreignSection.statusCode).toBe(400);
    expect((await adminB.get(`/api/students?sectionId=${sectionId}`)).json().items).toEqual([]);

    expect((await adminA.get(`/api/students/${s.id}`)).json()).toEqual(s);
    expect((await adminA.get(`/api/guardians/${g.id}`)).json()).toEqual(g);
    expect((await adminA.get(`/api/staff/${st.id}`)).json()).toEqual(st);
    expect((await adminA.get(`/api/students/${s.id}/guardians`)).json().items).toHaveLength(1);
  });
});
