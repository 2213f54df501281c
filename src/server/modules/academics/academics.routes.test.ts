import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type BuiltInRole } from '../../../shared/permissions.js';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient } from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from '../../platform/db/ids.js';
import { classEnrollments, sectionEnrollments } from '../enrollment/enrollment.table.js';
import { staff, students } from '../people/people.table.js';
import type { SchoolRow } from '../schools/schools.repository.js';

let t: TestDatabase;
let h: TestApp;
let a: SchoolRow;
let b: SchoolRow;
const signedIn = {} as Record<BuiltInRole, HostClient>;
let adminA: HostClient;
let adminB: HostClient;
let teacher1: string;
let teacher2: string;
let clerk: string;
let retired: string;
let teacherOfB: string;

async function addStaff(
  schoolId: string,
  fields: { isTeacher?: boolean; status?: 'active' | 'archived'; lastName?: string } = {},
): Promise<string> {
  const id = newId();
  await t.db.withTenant(schoolId, (tx) =>
    tx.insert(staff).values({
      schoolId,
      id,
      employeeNumber: `E-${id.slice(-12)}`,
      firstName: 'Test',
      lastName: fields.lastName ?? `Staff ${id.slice(-4)}`,
      isTeacher: fields.isTeacher ?? true,
      status: fields.status ?? 'active',
    }),
  );
  return id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  a = await createSchool(t.db);
  b = await createSchool(t.db);
  for (const role of BUILT_IN_ROLES) {
    const user = await createUser(t.db, a.id, { roles: [role], name: `A ${role}` });
    const c = new HostClient(h.app, `${a.slug}.localhost`);
    await c.signIn(user.email);
    signedIn[role] = c;
  }
  adminA = signedIn.admin;
  const bAdmin = await createUser(t.db, b.id, { roles: ['admin'] });
  adminB = new HostClient(h.app, `${b.slug}.localhost`);
  await adminB.signIn(bAdmin.email);
  teacher1 = await addStaff(a.id, { lastName: 'Okafor' });
  teacher2 = await addStaff(a.id, { lastName: 'Haddad' });
  clerk = await addStaff(a.id, { isTeacher: false, lastName: 'Clerk' });
  retired = await addStaff(a.id, { status: 'archived', lastName: 'Retired' });
  teacherOfB = await addStaff(b.id, { lastName: 'Of B' });
});
afterAll(async () => {
  await h.close();
  await t.close();
});

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

function created(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function refused(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.error.code).toBe(code);
  return body.error as { message: string; details?: { field: string; code: string }[] };
}

/** Walks every page of a list and returns all items. */
async function allPages(c: HostClient, url: string) {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  const glue = url.includes('?') ? '&' : '?';
  do {
    const res = await c.get(cursor ? `${url}${glue}cursor=${encodeURIComponent(cursor)}` : url);
    expect(res.statusCode, res.body).toBe(200);
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return items;
}

async function newYear(c: HostClient, startsOn = '2030-09-01', endsOn = '2031-06-30') {
  return created(await c.post('/api/academic-years', { name: unique('Year'), startsOn, endsOn }));
}

/** A whole chain in school A: year, term, grade, section, subject, room and a class. */
async function newStructure(c: HostClient = adminA, teacherIds = [teacher1]) {
  const year = await newYear(c);
  const term = created(
    await c.post('/api/terms', {
      academicYearId: year.id,
      name: 'Autumn',
      startsOn: '2030-09-01',
      endsOn: '2030-12-20',
    }),
  );
  const grade = created(await c.post('/api/grade-levels', { name: unique('Grade') }));
  const section = created(await c.post('/api/sections', { gradeLevelId: grade.id, name: 'A' }));
  const subject = created(
    await c.post('/api/subjects', { code: unique('SUB').replace(' ', '-'), name: 'Biology' }),
  );
  const room = created(await c.post('/api/rooms', { name: unique('Room'), capacity: 24 }));
  const klass = created(
    await c.post('/api/classes', {
      subjectId: subject.id,
      termId: term.id,
      sectionId: section.id,
      roomId: room.id,
      teacherIds,
    }),
  );
  return { year, term, grade, section, subject, room, klass };
}

describe('academic years', () => {
  it('creates, reads, changes and deletes a year, with dates as YYYY-MM-DD', async () => {
    const year = created(
      await adminA.post('/api/academic-years', {
        name: '2024/25',
        startsOn: '2024-09-01',
        endsOn: '2025-06-30',
      }),
    );
    expect(year).toMatchObject({
      name: '2024/25',
      startsOn: '2024-09-01',
      endsOn: '2025-06-30',
      isCurrent: false,
    });
    expect(Object.keys(year).sort()).toEqual(
      ['createdAt', 'endsOn', 'id', 'isCurrent', 'name', 'startsOn', 'updatedAt'].sort(),
    );
    expect((await adminA.get(`/api/academic-years/${year.id}`)).json()).toEqual(year);

    const renamed = await adminA.patch(`/api/academic-years/${year.id}`, {
      name: '2024-2025',
      endsOn: '2025-07-15',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '2024-2025', endsOn: '2025-07-15' });

    expect((await adminA.delete(`/api/academic-years/${year.id}`)).statusCode).toBe(204);
    refused(await adminA.get(`/api/academic-years/${year.id}`), 404, 'ACADEMIC_YEAR_NOT_FOUND');
    refused(await adminA.delete(`/api/academic-years/${year.id}`), 404, 'ACADEMIC_YEAR_NOT_FOUND');
  });

  it('refuses a year that ends before it starts, impossible dates and duplicate names', async () => {
    const backwards = refused(
      await adminA.post('/api/academic-years', {
        name: unique('Backwards'),
        startsOn: '2025-06-30',
        endsOn: '2024-09-01',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(backwards.details).toEqual([expect.objectContaining({ field: 'endsOn' })]);
    refused(
      await adminA.post('/api/academic-years', {
        name: unique('Same day'),
        startsOn: '2025-01-01',
        endsOn: '2025-01-01',
      }),
      400,
      'VALIDATION_FAILED',
    );
    const impossible = refused(
      await adminA.post('/api/academic-years', {
        name: unique('Impossible'),
        startsOn: '2025-02-30',
        endsOn: '2025-06-30',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(impossible.details?.[0]?.field).toBe('startsOn');

    const year = await newYear(adminA);
    const dup = refused(
      await adminA.post('/api/academic-years', {
        name: year.name,
        startsOn: '2040-01-01',
        endsOn: '2040-12-31',
      }),
      409,
      'CONFLICT',
    );
    expect(dup.details).toEqual([expect.objectContaining({ field: 'name', code: 'taken' })]);
    refused(
      await adminA.patch(`/api/academic-years/${year.id}`, { startsOn: '2031-07-01' }),
      400,
      'VALIDATION_FAILED',
    );
    refused(await adminA.patch(`/api/academic-years/${year.id}`, {}), 400, 'VALIDATION_FAILED');
    refused(
      await adminA.patch(`/api/academic-years/${year.id}`, { isCurrent: true }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('keeps exactly one current year and records each switch', async () => {
    const first = await newYear(adminB);
    const second = await newYear(adminB);
    const made = await adminB.post(`/api/academic-years/${first.id}/make-current`);
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json().isCurrent).toBe(true);

    expect((await adminB.post(`/api/academic-years/${second.id}/make-current`)).statusCode).toBe(
      200,
    );
    expect((await adminB.get(`/api/academic-years/${first.id}`)).json().isCurrent).toBe(false);
    const current = await adminB.get('/api/academic-years?isCurrent=true');
    expect(current.json().items.map((y: { id: string }) => y.id)).toEqual([second.id]);

    const third = created(
      await adminB.post('/api/academic-years', {
        name: unique('Year'),
        startsOn: '2032-09-01',
        endsOn: '2033-06-30',
        isCurrent: true,
      }),
    );
    expect(third.isCurrent).toBe(true);
    const stillCurrent = await adminB.get('/api/academic-years?isCurrent=true');
    expect(stillCurrent.json().items.map((y: { id: string }) => y.id)).toEqual([third.id]);

    const audit = await adminB.get('/api/audit-events?action=academic_year.made_current');
    const event = audit.json().items.find((e: { entityId: string }) => e.entityId === second.id);
    expect(event).toMatchObject({
      entityType: 'academic_year',
      before: { currentYearId: first.id },
      after: { currentYearId: second.id },
    });
    refused(
      await adminB.post(`/api/academic-years/${newId()}/make-current`),
      404,
      'ACADEMIC_YEAR_NOT_FOUND',
    );
  });

  it('refuses to shrink a year past its terms, and to delete a year with terms', async () => {
    const year = await newYear(adminA, '2050-09-01', '2051-06-30');
    created(
      await adminA.post('/api/terms', {
        academicYearId: year.id,
        name: 'Spring',
        startsOn: '2051-01-05',
        endsOn: '2051-06-20',
      }),
    );
    const shrink = refused(
      await adminA.patch(`/api/academic-years/${year.id}`, { endsOn: '2051-05-31' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(shrink.details?.[0]).toMatchObject({ field: 'endsOn', code: 'term_outside' });
    const inUse = refused(await adminA.delete(`/api/academic-years/${year.id}`), 409, 'IN_USE');
    expect(inUse.message).toMatch(/1 term\b/);
  });

  it('searches, sorts and pages through years with a cursor bound to its sort', async () => {
    for (const [i, start] of ['2061', '2063', '2062'].entries()) {
      await adminB.post('/api/academic-years', {
        name: `Paging ${i}`,
        startsOn: `${start}-09-01`,
        endsOn: `${Number(start) + 1}-06-30`,
      });
    }
    const byStart = await allPages(adminB, '/api/academic-years?q=paging&limit=1');
    expect(byStart.map((y) => y.startsOn)).toEqual(['2061-09-01', '2062-09-01', '2063-09-01']);
    const byNameDesc = await allPages(adminB, '/api/academic-years?q=PAGING&sort=-name&limit=2');
    expect(byNameDesc.map((y) => y.name)).toEqual(['Paging 2', 'Paging 1', 'Paging 0']);
    const page = (await adminB.get('/api/academic-years?q=paging&limit=1')).json();
    refused(
      await adminB.get(`/api/academic-years?q=paging&sort=name&cursor=${page.nextCursor}`),
      400,
      'VALIDATION_FAILED',
    );
    refused(await adminB.get('/api/academic-years?cursor=nonsense'), 400, 'VALIDATION_FAILED');
    refused(await adminB.get('/api/academic-years?sort=colour'), 400, 'VALIDATION_FAILED');
    refused(await adminB.get('/api/academic-years?limit=201'), 400, 'VALIDATION_FAILED');
    expect((await adminB.get('/api/academic-years?q=%25')).json().items).toEqual([]);
  });
});

describe('terms', () => {
  it('creates, lists by year, changes and deletes terms', async () => {
    const year = await newYear(adminA);
    const other = await newYear(adminA);
    const autumn = created(
      await adminA.post('/api/terms', {
        academicYearId: year.id,
        name: 'Autumn',
        startsOn: '2030-09-01',
        endsOn: '2030-12-20',
      }),
    );
    expect(autumn).toMatchObject({ academicYearId: year.id, startsOn: '2030-09-01' });
    const spring = created(
      await adminA.post('/api/terms', {
        academicYearId: year.id,
        name: 'Spring',
        startsOn: '2030-12-21',
        endsOn: '2031-04-01',
      }),
    );
    await adminA.post('/api/terms', {
      academicYearId: other.id,
      name: 'Elsewhere',
      startsOn: '2030-09-01',
      endsOn: '2030-10-01',
    });
    const listed = await allPages(adminA, `/api/terms?academicYearId=${year.id}`);
    expect(listed.map((term) => term.name)).toEqual(['Autumn', 'Spring']);

    const moved = await adminA.patch(`/api/terms/${spring.id}`, {
      name: 'Spring term',
      endsOn: '2031-04-15',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Spring term', endsOn: '2031-04-15' });
    expect((await adminA.delete(`/api/terms/${spring.id}`)).statusCode).toBe(204);
    refused(await adminA.get(`/api/terms/${spring.id}`), 404, 'TERM_NOT_FOUND');
    refused(
      await adminA.post('/api/terms', {
        academicYearId: year.id,
        name: 'Autumn',
        startsOn: '2031-05-01',
        endsOn: '2031-06-01',
      }),
      409,
      'CONFLICT',
    );
  });

  it('keeps terms inside their year and apart from each other', async () => {
    const year = await newYear(adminA, '2030-09-01', '2031-06-30');
    const term = (name: string, startsOn: string, endsOn: string) =>
      adminA.post('/api/terms', { academicYearId: year.id, name, startsOn, endsOn });
    const early = refused(
      await term('Early', '2030-08-15', '2030-10-01'),
      400,
      'VALIDATION_FAILED',
    );
    expect(early.details).toEqual([
      expect.objectContaining({ field: 'startsOn', code: 'outside_year' }),
    ]);
    const late = refused(await term('Late', '2031-05-01', '2031-07-31'), 400, 'VALIDATION_FAILED');
    expect(late.details).toEqual([
      expect.objectContaining({ field: 'endsOn', code: 'outside_year' }),
    ]);
    refused(await term('Backwards', '2030-12-01', '2030-10-01'), 400, 'VALIDATION_FAILED');

    const first = created(await term('First', '2030-09-01', '2030-12-20'));
    const overlap = refused(
      await term('Overlap', '2030-12-20', '2031-03-01'),
      400,
      'VALIDATION_FAILED',
    );
    expect(overlap.details).toEqual([expect.objectContaining({ code: 'overlap' })]);
    expect(JSON.stringify(overlap.details)).toContain('First');
    const second = created(await term('Second', '2030-12-21', '2031-03-01'));
    refused(
      await adminA.patch(`/api/terms/${second.id}`, { startsOn: '2030-12-01' }),
      400,
      'VALIDATION_FAILED',
    );
    const own = await adminA.patch(`/api/terms/${first.id}`, { endsOn: '2030-12-18' });
    expect(own.statusCode, own.body).toBe(200);
    refused(
      await adminA.post('/api/terms', {
        academicYearId: newId(),
        name: 'Nowhere',
        startsOn: '2030-09-01',
        endsOn: '2030-10-01',
      }),
      400,
      'VALIDATION_FAILED',
    );
    refused(await adminA.get('/api/terms/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });

  it('lets only one of two overlapping terms created at the same moment in', async () => {
    const year = await newYear(adminA);
    const results = await Promise.all(
      ['Race A', 'Race B', 'Race C'].map((name) =>
        adminA.post('/api/terms', {
          academicYearId: year.id,
          name,
          startsOn: '2030-10-01',
          endsOn: '2030-11-01',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400, 400]);
    expect(await allPages(adminA, `/api/terms?academicYearId=${year.id}`)).toHaveLength(1);
  });

  it('refuses to delete a term that has classes', async () => {
    const { term } = await newStructure();
    const inUse = refused(await adminA.delete(`/api/terms/${term.id}`), 409, 'IN_USE');
    expect(inUse.message).toContain('1 class');
  });
});

describe('grade levels', () => {
  it('lists in their order, appends by default and refuses a taken position', async () => {
    const g9 = created(await adminB.post('/api/grade-levels', { name: 'Nine', sortOrder: 9 }));
    const g7 = created(await adminB.post('/api/grade-levels', { name: 'Seven', sortOrder: 7 }));
    const g8 = created(await adminB.post('/api/grade-levels', { name: 'Eight', sortOrder: 8 }));
    const next = created(await adminB.post('/api/grade-levels', { name: 'Ten' }));
    expect(next.sortOrder).toBe(10);
    const listed = await allPages(adminB, '/api/grade-levels?limit=2');
    expect(listed.map((g) => g.id)).toEqual([g7.id, g8.id, g9.id, next.id]);

    const clash = refused(
      await adminB.post('/api/grade-levels', { name: 'Other seven', sortOrder: 7 }),
      409,
      'CONFLICT',
    );
    expect(clash.details).toEqual([expect.objectContaining({ field: 'sortOrder' })]);
    refused(await adminB.patch(`/api/grade-levels/${g9.id}`, { sortOrder: 8 }), 409, 'CONFLICT');
    refused(await adminB.post('/api/grade-levels', { name: 'Seven' }), 409, 'CONFLICT');
    const moved = await adminB.patch(`/api/grade-levels/${g9.id}`, {
      sortOrder: 9,
      name: 'Grade 9',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Grade 9', sortOrder: 9 });

    const byName = await allPages(adminB, '/api/grade-levels?sort=name');
    expect(byName.map((g) => g.name)).toEqual(['Eight', 'Grade 9', 'Seven', 'Ten']);
    expect((await adminB.delete(`/api/grade-levels/${next.id}`)).statusCode).toBe(204);
    refused(await adminB.get(`/api/grade-levels/${next.id}`), 404, 'GRADE_LEVEL_NOT_FOUND');
  });

  it('claims positions one request at a time', async () => {
    const results = await Promise.all(
      ['Race one', 'Race two'].map((name) =>
        adminA.post('/api/grade-levels', { name, sortOrder: 5000 }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses to delete a grade level that has sections', async () => {
    const grade = created(await adminA.post('/api/grade-levels', { name: unique('Grade') }));
    created(await adminA.post('/api/sections', { gradeLevelId: grade.id, name: 'B' }));
    const inUse = refused(await adminA.delete(`/api/grade-levels/${grade.id}`), 409, 'IN_USE');
    expect(inUse.message).toContain('1 section');
  });
});

describe('sections', () => {
  it('creates sections with a homeroom teacher and filters by grade level', async () => {
    const grade = created(await adminA.post('/api/grade-levels', { name: unique('Grade') }));
    const otherGrade = created(await adminA.post('/api/grade-levels', { name: unique('Grade') }));
    const a1 = created(
      await adminA.post('/api/sections', {
        gradeLevelId: grade.id,
        name: 'A',
        homeroomTeacherId: teacher1,
      }),
    );
    expect(a1).toMatchObject({ gradeLevelId: grade.id, name: 'A', homeroomTeacherId: teacher1 });
    created(await adminA.post('/api/sections', { gradeLevelId: grade.id, name: 'B' }));
    created(await adminA.post('/api/sections', { gradeLevelId: otherGrade.id, name: 'A' }));
    refused(
      await adminA.post('/api/sections', { gradeLevelId: grade.id, name: 'A' }),
      409,
      'CONFLICT',
    );
    const listed = await allPages(adminA, `/api/sections?gradeLevelId=${grade.id}`);
    expect(listed.map((s) => s.name)).toEqual(['A', 'B']);
    const byTeacher = await allPages(adminA, `/api/sections?homeroomTeacherId=${teacher1}`);
    expect(byTeacher.map((s) => s.id)).toEqual([a1.id]);

    const cleared = await adminA.patch(`/api/sections/${a1.id}`, { homeroomTeacherId: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().homeroomTeacherId).toBeNull();
  });

  it('refuses unknown grade levels and homeroom teachers who cannot teach', async () => {
    const grade = created(await adminA.post('/api/grade-levels', { name: unique('Grade') }));
    const unknownGrade = refused(
      await adminA.post('/api/sections', { gradeLevelId: newId(), name: 'X' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknownGrade.details).toEqual([
      expect.objectContaining({ field: 'gradeLevelId', code: 'unknown' }),
    ]);
    for (const [staffId, code] of [
      [clerk, 'not_a_teacher'],
      [retired, 'inactive'],
      [newId(), 'unknown'],
    ] as const) {
      const res = refused(
        await adminA.post('/api/sections', {
          gradeLevelId: grade.id,
          name: unique('S'),
          homeroomTeacherId: staffId,
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(res.details).toEqual([expect.objectContaining({ field: 'homeroomTeacherId', code })]);
    }
  });

  it('refuses to delete a section with students, classes or enrollments', async () => {
    const { section, year } = await newStructure();
    const inUse = refused(await adminA.delete(`/api/sections/${section.id}`), 409, 'IN_USE');
    expect(inUse.message).toContain('1 class');

    const grade = created(await adminA.post('/api/grade-levels', { name: unique('Grade') }));
    const withPupil = created(
      await adminA.post('/api/sections', { gradeLevelId: grade.id, name: 'P' }),
    );
    const studentId = newId();
    await t.db.withTenant(a.id, (tx) =>
      tx.insert(students).values({
        schoolId: a.id,
        id: studentId,
        admissionNumber: `ADM-${studentId.slice(-10)}`,
        firstName: 'Pupil',
        lastName: 'One',
        sectionId: withPupil.id,
      }),
    );
    const pupil = refused(await adminA.delete(`/api/sections/${withPupil.id}`), 409, 'IN_USE');
    expect(pupil.message).toContain('1 student');

    const enrolled = created(
      await adminA.post('/api/sections', { gradeLevelId: grade.id, name: 'E' }),
    );
    await t.db.withTenant(a.id, (tx) =>
      tx.insert(sectionEnrollments).values({
        schoolId: a.id,
        id: newId(),
        studentId,
        sectionId: enrolled.id,
        academicYearId: year.id,
      }),
    );
    const enrollment = refused(await adminA.delete(`/api/sections/${enrolled.id}`), 409, 'IN_USE');
    expect(enrollment.message).toContain('1 enrollment');
    refused(await adminA.delete(`/api/academic-years/${year.id}`), 409, 'IN_USE');

    const empty = created(
      await adminA.post('/api/sections', { gradeLevelId: grade.id, name: 'Z' }),
    );
    expect((await adminA.delete(`/api/sections/${empty.id}`)).statusCode).toBe(204);
    refused(await adminA.get(`/api/sections/${empty.id}`), 404, 'SECTION_NOT_FOUND');
  });
});

describe('subjects', () => {
  it('keeps codes unique and finds subjects by code or name', async () => {
    const maths = created(
      await adminB.post('/api/subjects', { code: 'MATH', name: 'Mathematics' }),
    );
    created(await adminB.post('/api/subjects', { code: 'PHY', name: 'Physics' }));
    created(await adminB.post('/api/subjects', { code: 'ART', name: 'Fine art' }));
    const dup = refused(
      await adminB.post('/api/subjects', { code: 'MATH', name: 'More maths' }),
      409,
      'CONFLICT',
    );
    expect(dup.details).toEqual([
      { field: 'code', code: 'taken', message: 'is already the code of another subject' },
    ]);
    const art = (await adminB.get('/api/subjects?q=art')).json().items;
    expect(art.map((s: { code: string }) => s.code)).toEqual(['ART']);
    const byCode = await allPages(adminB, '/api/subjects?q=h');
    expect(byCode.map((s) => s.code)).toEqual(['MATH', 'PHY']);
    refused(await adminB.patch(`/api/subjects/${maths.id}`, { code: 'PHY' }), 409, 'CONFLICT');
    refused(
      await adminB.post('/api/subjects', { code: ' PAD ', name: 'Padded' }),
      400,
      'VALIDATION_FAILED',
    );
    const renamed = await adminB.patch(`/api/subjects/${maths.id}`, { name: 'Maths' });
    expect(renamed.json()).toMatchObject({ code: 'MATH', name: 'Maths' });
    expect((await adminB.delete(`/api/subjects/${maths.id}`)).statusCode).toBe(204);
    refused(await adminB.get(`/api/subjects/${maths.id}`), 404, 'SUBJECT_NOT_FOUND');
  });

  it('refuses to delete a subject that classes teach', async () => {
    const { subject } = await newStructure();
    const inUse = refused(await adminA.delete(`/api/subjects/${subject.id}`), 409, 'IN_USE');
    expect(inUse.message).toContain('1 class');
    expect(inUse.details).toEqual([{ field: 'classes', code: 'in_use', message: '1 class' }]);
  });
});

describe('rooms', () => {
  it('creates rooms with a capacity, filters and sorts by it', async () => {
    const small = created(await adminB.post('/api/rooms', { name: 'Lab', capacity: 12 }));
    const standard = created(await adminB.post('/api/rooms', { name: 'R101' }));
    expect(standard.capacity).toBe(30);
    created(await adminB.post('/api/rooms', { name: 'Hall', capacity: 300 }));
    refused(
      await adminB.post('/api/rooms', { name: 'Broom', capacity: 0 }),
      400,
      'VALIDATION_FAILED',
    );
    refused(await adminB.post('/api/rooms', { name: 'Lab' }), 409, 'CONFLICT');
    const big = await allPages(adminB, '/api/rooms?minCapacity=30&sort=-capacity');
    expect(big.map((r) => r.name)).toEqual(['Hall', 'R101']);
    const grown = await adminB.patch(`/api/rooms/${small.id}`, { capacity: 16 });
    expect(grown.json().capacity).toBe(16);
    expect((await adminB.delete(`/api/rooms/${small.id}`)).statusCode).toBe(204);
    refused(await adminB.get(`/api/rooms/${small.id}`), 404, 'ROOM_NOT_FOUND');
  });

  it('refuses to delete a room that classes use', async () => {
    const { room } = await newStructure();
    refused(await adminA.delete(`/api/rooms/${room.id}`), 409, 'IN_USE');
  });
});

describe('classes', () => {
  it('creates a class for a section with several teachers and a derived name', async () => {
    const { klass, subject, term, section, room, grade } = await newStructure(adminA, [
      teacher2,
      teacher1,
    ]);
    expect(klass).toMatchObject({
      name: `Biology (${grade.name} A)`,
      subjectId: subject.id,
      termId: term.id,
      sectionId: section.id,
      gradeLevelId: null,
      roomId: room.id,
    });
    expect(klass.teacherIds).toEqual([teacher1, teacher2].sort());
    expect((await adminA.get(`/api/classes/${klass.id}`)).json()).toEqual(klass);
  });

  it('lists classes by term, section, grade level, subject and teacher', async () => {
    const s = await newStructure(adminA, [teacher1]);
    const whole = created(
      await adminA.post('/api/classes', {
        name: 'Assembly',
        subjectId: s.subject.id,
        termId: s.term.id,
        gradeLevelId: s.grade.id,
        teacherIds: [teacher2],
      }),
    );
    expect(whole).toMatchObject({ sectionId: null, gradeLevelId: s.grade.id, roomId: null });
    const ids = async (query: string) =>
      (await allPages(adminA, `/api/classes?${query}`)).map((c) => c.id).sort();
    const both = [s.klass.id, whole.id].sort();
    expect(await ids(`termId=${s.term.id}`)).toEqual(both);
    expect(await ids(`subjectId=${s.subject.id}`)).toEqual(both);
    expect(await ids(`gradeLevelId=${s.grade.id}`)).toEqual(both);
    expect(await ids(`sectionId=${s.section.id}`)).toEqual([s.klass.id]);
    expect(await ids(`termId=${s.term.id}&teacherId=${teacher2}`)).toEqual([whole.id]);
    expect(await ids(`roomId=${s.room.id}`)).toEqual([s.klass.id]);
    expect(await ids(`termId=${s.term.id}&q=assem`)).toEqual([whole.id]);
  });

  it('changes teachers, group and room', async () => {
    const s = await newStructure();
    const res = await adminA.patch(`/api/classes/${s.klass.id}`, {
      teacherIds: [teacher2],
      gradeLevelId: s.grade.id,
      roomId: null,
      name: 'Biology for all',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      teacherIds: [teacher2],
      gradeLevelId: s.grade.id,
      sectionId: null,
      roomId: null,
      name: 'Biology for all',
    });
    const audit = await adminA.get('/api/audit-events?entityType=class&action=class.updated');
    const event = audit.json().items.find((e: { entityId: string }) => e.entityId === s.klass.id);
    expect(event).toMatchObject({
      before: { teacherIds: [teacher1], sectionId: s.section.id },
      after: { teacherIds: [teacher2], sectionId: null },
    });
    refused(
      await adminA.patch(`/api/classes/${s.klass.id}`, {
        sectionId: s.section.id,
        gradeLevelId: s.grade.id,
      }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await adminA.patch(`/api/classes/${s.klass.id}`, { gradeLevelId: null }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses classes without teachers, with unfit teachers or with unknown references', async () => {
    const s = await newStructure();
    const base = { subjectId: s.subject.id, termId: s.term.id, sectionId: s.section.id };
    const post = (body: Record<string, unknown>) =>
      adminA.post('/api/classes', { name: unique('Class'), ...base, ...body });
    refused(await post({ teacherIds: [] }), 400, 'VALIDATION_FAILED');
    refused(await post({}), 400, 'VALIDATION_FAILED');
    refused(await post({ teacherIds: [teacher1, teacher1] }), 400, 'VALIDATION_FAILED');
    for (const [staffId, code] of [
      [clerk, 'not_a_teacher'],
      [retired, 'inactive'],
      [newId(), 'unknown'],
    ] as const) {
      const res = refused(
        await post({ teacherIds: [teacher1, staffId] }),
        400,
        'VALIDATION_FAILED',
      );
      expect(res.details).toEqual([expect.objectContaining({ field: 'teacherIds', code })]);
    }
    const both = refused(
      await post({ teacherIds: [teacher1], gradeLevelId: s.grade.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(both.details?.[0]?.field).toBe('gradeLevelId');
    refused(await post({ teacherIds: [teacher1], sectionId: null }), 400, 'VALIDATION_FAILED');
    const unknown = refused(
      await post({ teacherIds: [teacher1], subjectId: newId(), termId: newId(), roomId: newId() }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.details?.map((d) => d.field).sort()).toEqual(['roomId', 'subjectId', 'termId']);
    const dup = refused(
      await adminA.post('/api/classes', { ...base, name: s.klass.name, teacherIds: [teacher1] }),
      409,
      'CONFLICT',
    );
    expect(dup.details?.[0]?.field).toBe('name');
  });

  it('deletes a class with its teacher list, but not one with enrolled students', async () => {
    const s = await newStructure();
    const studentId = newId();
    await t.db.withTenant(a.id, async (tx) => {
      await tx.insert(students).values({
        schoolId: a.id,
        id: studentId,
        admissionNumber: `ADM-${studentId.slice(-10)}`,
        firstName: 'Enrolled',
        lastName: 'Pupil',
      });
      await tx.insert(classEnrollments).values({
        schoolId: a.id,
        id: newId(),
        classId: s.klass.id,
        studentId,
        startsOn: '2030-09-01',
      });
    });
    const inUse = refused(await adminA.delete(`/api/classes/${s.klass.id}`), 409, 'IN_USE');
    expect(inUse.message).toContain('1 student enrollment');

    const other = created(
      await adminA.post('/api/classes', {
        name: 'Spare',
        subjectId: s.subject.id,
        termId: s.term.id,
        sectionId: s.section.id,
        teacherIds: [teacher1, teacher2],
      }),
    );
    expect((await adminA.delete(`/api/classes/${other.id}`)).statusCode).toBe(204);
    refused(await adminA.get(`/api/classes/${other.id}`), 404, 'CLASS_NOT_FOUND');
    expect(await allPages(adminA, `/api/classes?teacherId=${teacher2}&q=spare`)).toEqual([]);
    const audit = await adminA.get('/api/audit-events?entityType=class&action=class.deleted');
    const event = audit.json().items.find((e: { entityId: string }) => e.entityId === other.id);
    expect(event.before.teacherIds).toEqual([teacher1, teacher2].sort());
  });
});

describe('permissions', () => {
  const LISTS = [
    '/api/academic-years',
    '/api/terms',
    '/api/grade-levels',
    '/api/sections',
    '/api/subjects',
    '/api/rooms',
    '/api/classes',
  ];

  it.each(BUILT_IN_ROLES)('%s reads the whole structure', async (role) => {
    const s = await newStructure();
    const c = signedIn[role];
    for (const url of LISTS) {
      const res = await c.get(`${url}?limit=200`);
      expect(res.statusCode, `${role} ${url}`).toBe(200);
    }
    const classes = await allPages(c, `/api/classes?termId=${s.term.id}`);
    expect(classes.map((k) => k.id)).toEqual([s.klass.id]);
    expect((await c.get(`/api/sections/${s.section.id}`)).statusCode).toBe(200);
  });

  it.each(BUILT_IN_ROLES.filter((r) => r !== 'admin'))(
    '%s cannot change the structure',
    async (role) => {
      const s = await newStructure();
      const c = signedIn[role];
      const writes: [string, string, unknown?][] = [
        [
          'POST',
          '/api/academic-years',
          { name: 'X', startsOn: '2030-01-01', endsOn: '2030-12-31' },
        ],
        ['PATCH', `/api/academic-years/${s.year.id}`, { name: 'X' }],
        ['POST', `/api/academic-years/${s.year.id}/make-current`],
        ['DELETE', `/api/academic-years/${s.year.id}`],
        ['PATCH', `/api/terms/${s.term.id}`, { name: 'X' }],
        ['DELETE', `/api/terms/${s.term.id}`],
        ['POST', '/api/grade-levels', { name: 'X' }],
        ['PATCH', `/api/sections/${s.section.id}`, { name: 'X' }],
        ['POST', '/api/subjects', { code: 'X', name: 'X' }],
        ['DELETE', `/api/rooms/${s.room.id}`],
        ['PATCH', `/api/classes/${s.klass.id}`, { teacherIds: [teacher2] }],
        ['DELETE', `/api/classes/${s.klass.id}`],
      ];
      for (const [method, url, body] of writes) {
        refused(await c.request(method, url, body), 403, 'FORBIDDEN');
      }
      expect((await adminA.get(`/api/classes/${s.klass.id}`)).json().teacherIds).toEqual([
        teacher1,
      ]);
    },
  );

  it('refuses the structure to someone not signed in', async () => {
    const anonymous = new HostClient(h.app, `${a.slug}.localhost`);
    for (const url of LISTS) expect((await anonymous.get(url)).statusCode).toBe(401);
  });

  it('describes every academic endpoint in the OpenAPI document', async () => {
    const doc = (await adminA.get('/api/openapi.json')).json();
    for (const url of LISTS) {
      expect(Object.keys(doc.paths[url])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(Object.keys(doc.paths[`${url}/{id}`])).toEqual(
        expect.arrayContaining(['get', 'patch', 'delete']),
      );
    }
    expect(doc.paths['/api/academic-years/{id}/make-current'].post).toBeDefined();
  });
});

describe('cross-school isolation', () => {
  it("never shows school A's structure to school B and answers A's ids with 404", async () => {
    const s = await newStructure();
    const entities: [string, string, string, unknown][] = [
      ['/api/academic-years', s.year.id, 'ACADEMIC_YEAR_NOT_FOUND', { name: 'Hijack' }],
      ['/api/terms', s.term.id, 'TERM_NOT_FOUND', { name: 'Hijack' }],
      ['/api/grade-levels', s.grade.id, 'GRADE_LEVEL_NOT_FOUND', { name: 'Hijack' }],
      ['/api/sections', s.section.id, 'SECTION_NOT_FOUND', { name: 'Hijack' }],
      ['/api/subjects', s.subject.id, 'SUBJECT_NOT_FOUND', { name: 'Hijack' }],
      ['/api/rooms', s.room.id, 'ROOM_NOT_FOUND', { name: 'Hijack' }],
      ['/api/classes', s.klass.id, 'CLASS_NOT_FOUND', { name: 'Hijack' }],
    ];
    for (const [url, id, code, change] of entities) {
      const listed = await allPages(adminB, `${url}?limit=200`);
      expect(listed.map((row) => row.id)).not.toContain(id);
      refused(await adminB.get(`${url}/${id}`), 404, code);
      refused(await adminB.patch(`${url}/${id}`, change), 404, code);
      refused(await adminB.delete(`${url}/${id}`), 404, code);
      const stillThere = await adminA.get(`${url}/${id}`);
      expect(stillThere.statusCode).toBe(200);
      expect(stillThere.json().name).not.toBe('Hijack');
    }
    refused(
      await adminB.post(`/api/academic-years/${s.year.id}/make-current`),
      404,
      'ACADEMIC_YEAR_NOT_FOUND',
    );
    expect(await allPages(adminB, `/api/classes?termId=${s.term.id}`)).toEqual([]);
  });

  it("refuses writes in school B that point at school A's records", async () => {
    const s = await newStructure();
    const own = await newStructure(adminB, [teacherOfB]);
    const classInB = {
      name: unique('Class'),
      subjectId: own.subject.id,
      termId: own.term.id,
      sectionId: own.section.id,
      teacherIds: [teacherOfB],
    };
    const foreignSubject = refused(
      await adminB.post('/api/classes', { ...classInB, subjectId: s.subject.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(foreignSubject.details).toEqual([
      expect.objectContaining({ field: 'subjectId', code: 'unknown' }),
    ]);
    for (const change of [
      { termId: s.term.id },
      { sectionId: s.section.id },
      { roomId: s.room.id },
      { teacherIds: [teacher1] },
    ]) {
      refused(
        await adminB.post('/api/classes', { ...classInB, ...change }),
        400,
        'VALIDATION_FAILED',
      );
      refused(await adminB.patch(`/api/classes/${own.klass.id}`, change), 400, 'VALIDATION_FAILED');
    }
    refused(
      await adminB.post('/api/terms', {
        academicYearId: s.year.id,
        name: 'Foreign',
        startsOn: '2030-09-01',
        endsOn: '2030-10-01',
      }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await adminB.post('/api/sections', { gradeLevelId: s.grade.id, name: 'Foreign' }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await adminB.patch(`/api/sections/${own.section.id}`, { homeroomTeacherId: teacher1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await adminB.get(`/api/classes/${own.klass.id}`)).json()).toEqual(own.klass);
  });

  it('lets two schools use the same subject code and names', async () => {
    const code = unique('SHARED').replace(' ', '-');
    created(await adminA.post('/api/subjects', { code, name: 'Shared' }));
    created(await adminB.post('/api/subjects', { code, name: 'Shared' }));
  });
});
