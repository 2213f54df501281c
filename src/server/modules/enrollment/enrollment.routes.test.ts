import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../../shared/permissions.js';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient } from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from '../../platform/db/ids.js';
import {
  academicYears,
  classes,
  classTeachers,
  gradeLevels,
  rooms,
  sections,
  subjects,
  terms,
} from '../academics/academics.table.js';
import { guardians, staff, students, studentGuardians } from '../people/people.table.js';
import type { SchoolRow } from '../schools/schools.repository.js';
import { schoolToday } from './school-date.js';

let t: TestDatabase;
let h: TestApp;

const today = schoolToday('UTC');
function day(offset: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

interface Fixture {
  school: SchoolRow;
  yearId: string;
  lastYearId: string;
  termId: string;
  sectionIds: [string, string];
  mathId: string;
  scienceId: string;
  artId: string;
  teacherAdaId: string;
  teacherBenId: string;
  /** Students by short name; `wren` is withdrawn, `kit` is linked to the guardian without portal access. */
  s: Record<'ana' | 'bo' | 'cy' | 'dee' | 'eli' | 'wren' | 'kit', string>;
  guardianId: string;
  c: Record<'admin' | 'staff' | 'accountant' | 'ada' | 'ben' | 'pupil' | 'parent', HostClient>;
}

// Sign-in is limited per address per minute; each fixture school signs in from its own.
let schoolsSeeded = 0;

/** A school with a year, a term around today, two sections, three classes and its people. */
async function seedSchool(): Promise<Fixture> {
  const school = await createSchool(t.db);
  const ip = `10.0.${++schoolsSeeded}.1`;
  const id = () => newId();
  const yearId = id();
  const lastYearId = id();
  const termId = id();
  const gradeId = id();
  const sectionIds: [string, string] = [id(), id()];
  const mathSubject = id();
  const scienceSubject = id();
  const roomId = id();
  const mathId = id();
  const scienceId = id();
  const artId = id();
  const teacherAdaId = id();
  const teacherBenId = id();
  const guardianId = id();
  const s = {
    ana: id(),
    bo: id(),
    cy: id(),
    dee: id(),
    eli: id(),
    wren: id(),
    kit: id(),
  };
  await t.db.withTenant(school.id, async (tx) => {
    await tx.insert(academicYears).values([
      {
        schoolId: school.id,
        id: yearId,
        name: 'This year',
        startsOn: day(-200),
        endsOn: day(160),
        isCurrent: true,
      },
      {
        schoolId: school.id,
        id: lastYearId,
        name: 'Last year',
        startsOn: day(-570),
        endsOn: day(-205),
      },
    ]);
    await tx.insert(terms).values({
      schoolId: school.id,
      id: termId,
      academicYearId: yearId,
      name: 'Term 2',
      startsOn: day(-60),
      endsOn: day(60),
    });
    await tx
      .insert(gradeLevels)
      .values({ schoolId: school.id, id: gradeId, name: 'Grade 7', sortOrder: 7 });
    await tx.insert(staff).values([
      {
        schoolId: school.id,
        id: teacherAdaId,
        employeeNumber: 'T-1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        isTeacher: true,
      },
      {
        schoolId: school.id,
        id: teacherBenId,
        employeeNumber: 'T-2',
        firstName: 'Ben',
        lastName: 'Okafor',
        isTeacher: true,
      },
    ]);
    await tx.insert(sections).values([
      { schoolId: school.id, id: sectionIds[0], gradeLevelId: gradeId, name: '7A' },
      { schoolId: school.id, id: sectionIds[1], gradeLevelId: gradeId, name: '7B' },
    ]);
    await tx.insert(subjects).values([
      { schoolId: school.id, id: mathSubject, code: 'MATH', name: 'Mathematics' },
      { schoolId: school.id, id: scienceSubject, code: 'SCI', name: 'Science' },
    ]);
    await tx.insert(rooms).values({ schoolId: school.id, id: roomId, name: 'Room 12' });
    await tx.insert(classes).values([
      {
        schoolId: school.id,
        id: mathId,
        name: 'Maths 7A',
        subjectId: mathSubject,
        termId,
        sectionId: sectionIds[0],
        roomId,
      },
      {
        schoolId: school.id,
        id: scienceId,
        name: 'Science 7',
        subjectId: scienceSubject,
        termId,
        gradeLevelId: gradeId,
      },
      {
        schoolId: school.id,
        id: artId,
        name: 'Maths 7B',
        subjectId: mathSubject,
        termId,
        sectionId: sectionIds[1],
      },
    ]);
    await tx.insert(classTeachers).values([
      { schoolId: school.id, classId: mathId, staffId: teacherAdaId },
      { schoolId: school.id, classId: scienceId, staffId: teacherBenId },
      { schoolId: school.id, classId: artId, staffId: teacherAdaId },
      { schoolId: school.id, classId: artId, staffId: teacherBenId },
    ]);
    const student = (key: keyof typeof s, first: string, last: string, status = 'enrolled') => ({
      schoolId: school.id,
      id: s[key],
      admissionNumber: `A-${key}`,
      firstName: first,
      lastName: last,
      status: status as 'enrolled',
    });
    await tx
      .insert(students)
      .values([
        student('ana', 'Ana', 'Zamora'),
        student('bo', 'Bo', 'Adams'),
        student('cy', 'Cy', 'Adams'),
        student('dee', 'Dee', 'Mills', 'applicant'),
        student('eli', 'Eli', 'Novak'),
        student('wren', 'Wren', 'Hale', 'withdrawn'),
        student('kit', 'Kit', 'Zamora'),
      ]);
    await tx
      .insert(guardians)
      .values({ schoolId: school.id, id: guardianId, firstName: 'Rosa', lastName: 'Zamora' });
    await tx.insert(studentGuardians).values([
      { schoolId: school.id, studentId: s.ana, guardianId },
      { schoolId: school.id, studentId: s.kit, guardianId, portalAccess: false },
    ]);
  });

  const client = async (roles: string[], link?: { column: string; id: string }) => {
    const user = await createUser(t.db, school.id, { roles });
    if (link) {
      await t.owner.query(`update users set ${link.column} = $1 where id = $2`, [link.id, user.id]);
    }
    const c = new HostClient(h.app, `${school.slug}.localhost`, ip);
    expect((await c.signIn(user.email)).statusCode).toBe(200);
    return c;
  };
  const c = {
    admin: await client(['admin']),
    staff: await client(['staff']),
    accountant: await client(['accountant']),
    ada: await client(['teacher'], { column: 'linked_staff_id', id: teacherAdaId }),
    ben: await client(['teacher'], { column: 'linked_staff_id', id: teacherBenId }),
    pupil: await client(['student'], { column: 'linked_student_id', id: s.ana }),
    parent: await client(['guardian'], { column: 'linked_guardian_id', id: guardianId }),
  };
  return {
    school,
    yearId,
    lastYearId,
    termId,
    sectionIds,
    mathId,
    scienceId,
    artId,
    teacherAdaId,
    teacherBenId,
    s,
    guardianId,
    c,
  };
}

async function countRows(table: string, schoolId: string): Promise<number> {
  const rows = await t.owner.query<{ n: number }>(
    `select count(*)::int as n from ${table} where school_id = $1`,
    [schoolId],
  );
  return rows[0]?.n ?? -1;
}

async function studentSection(studentId: string): Promise<string | null> {
  const rows = await t.owner.query<{ section_id: string | null }>(
    'select section_id from students where id = $1',
    [studentId],
  );
  return rows[0]?.section_id ?? null;
}

let a: Fixture;
let b: Fixture;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  a = await seedSchool();
  b = await seedSchool();
});
afterAll(async () => {
  await h.close();
  await t.close();
});

describe('who may change enrollments', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await seedSchool();
  });

  it.each(BUILT_IN_ROLES)('%s: enrolls only with enrollment:manage', async (role) => {
    const user = await createUser(t.db, f.school.id, { roles: [role] });
    const c = new HostClient(
      h.app,
      `${f.school.slug}.localhost`,
      `10.1.0.${BUILT_IN_ROLES.indexOf(role) + 1}`,
    );
    expect((await c.signIn(user.email)).statusCode).toBe(200);
    const before = await countRows('class_enrollments', f.school.id);
    const res = await c.post('/api/enrollments/classes', {
      classId: f.mathId,
      studentIds: [f.s.ana],
    });
    if (role === 'admin' || role === 'staff') expect(res.statusCode, res.body).toBeLessThan(300);
    else {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(await countRows('class_enrollments', f.school.id)).toBe(before);
    }
    const section = await c.post('/api/enrollments/sections', {
      studentId: f.s.bo,
      sectionId: f.sectionIds[0],
      academicYearId: f.yearId,
    });
    expect(section.statusCode).toBe(role === 'admin' || role === 'staff' ? 201 : 403);
    if (section.statusCode === 201) {
      const id = section.json().id as string;
      expect((await c.delete(`/api/enrollments/sections/${id}`)).statusCode).toBe(204);
    }
  });

  it('refuses malformed requests before touching anything', async () => {
    const post = (body: unknown) => a.c.admin.post('/api/enrollments/classes', body);
    expect((await post({ classId: a.mathId, studentIds: [] })).statusCode).toBe(400);
    expect((await post({ classId: a.mathId, studentIds: [a.s.bo, a.s.bo] })).statusCode).toBe(400);
    expect((await post({ classId: a.mathId, studentIds: ['nope'] })).statusCode).toBe(400);
    expect(
      (await post({ classId: a.mathId, studentIds: [a.s.bo], startsOn: '2026-02-30' })).statusCode,
    ).toBe(400);
    expect((await post({ classId: a.mathId, studentIds: [a.s.bo], extra: true })).statusCode).toBe(
      400,
    );
    const tooMany = Array.from({ length: 501 }, () => newId());
    expect((await post({ classId: a.mathId, studentIds: tooMany })).statusCode).toBe(400);
  });
});

describe('enrolling students in classes', () => {
  it('enrolls many at once and leaves running enrollments unchanged', async () => {
    const first = await a.c.staff.post('/api/enrollments/classes', {
      classId: a.scienceId,
      studentIds: [a.s.bo, a.s.cy],
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().unchanged).toEqual([]);
    expect(first.json().created).toMatchObject([
      { classId: a.scienceId, studentId: a.s.bo, startsOn: today, endsOn: null },
      { classId: a.scienceId, studentId: a.s.cy, startsOn: today, endsOn: null },
    ]);

    const again = await a.c.staff.post('/api/enrollments/classes', {
      classId: a.scienceId,
      studentIds: [a.s.cy, a.s.dee, a.s.bo],
      startsOn: day(5),
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().created.map((e: { studentId: string }) => e.studentId)).toEqual([a.s.dee]);
    expect(again.json().unchanged).toEqual([first.json().created[1], first.json().created[0]]);

    const nothingNew = await a.c.staff.post('/api/enrollments/classes', {
      classId: a.scienceId,
      studentIds: [a.s.bo],
    });
    expect(nothingNew.statusCode).toBe(200);
    expect(nothingNew.json()).toEqual({ created: [], unchanged: [first.json().created[0]] });

    const audit = await a.c.admin.get(
      '/api/audit-events?entityType=class_enrollment&action=class_enrollment.created',
    );
    const ids = audit.json().items.map((e: { entityId: string }) => e.entityId);
    for (const e of [...first.json().created, ...again.json().created]) expect(ids).toContain(e.id);
  });

  it('writes nothing when any student is unknown, and names every bad id', async () => {
    const before = await countRows('class_enrollments', a.school.id);
    const stranger = newId();
    const res = await a.c.admin.post('/api/enrollments/classes', {
      classId: a.mathId,
      studentIds: [a.s.eli, stranger, a.s.ana, b.s.bo],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'studentIds.1', code: 'unknown' }),
      expect.objectContaining({ field: 'studentIds.3', code: 'unknown' }),
    ]);
    expect(res.json().error.details[0].message).toContain(stranger);
    expect(res.json().error.details[1].message).toContain(b.s.bo);
    expect(await countRows('class_enrollments', a.school.id)).toBe(before);
  });

  it('refuses a class that does not exist with a field error', async () => {
    const res = await a.c.admin.post('/api/enrollments/classes', {
      classId: newId(),
      studentIds: [a.s.eli],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'classId', code: 'unknown' }),
    ]);
  });

  it('refuses withdrawn students with 422 and enrolls none of the others', async () => {
    const before = await countRows('class_enrollments', a.school.id);
    const res = await a.c.admin.post('/api/enrollments/classes', {
      classId: a.mathId,
      studentIds: [a.s.eli, a.s.wren],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('STUDENT_NOT_ENROLLABLE');
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'studentIds.1', code: 'status' }),
    ]);
    expect(await countRows('class_enrollments', a.school.id)).toBe(before);
  });
});

describe('ending and removing class enrollments', () => {
  async function enroll(classId: string, studentId: string, startsOn: string) {
    const res = await a.c.admin.post('/api/enrollments/classes', {
      classId,
      studentIds: [studentId],
      startsOn,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().created[0] as { id: string; startsOn: string };
  }

  it('ends an enrollment once, never before it starts', async () => {
    const e = await enroll(a.artId, a.s.eli, day(-20));
    const early = await a.c.admin.post(`/api/enrollments/classes/${e.id}/end`, {
      endsOn: day(-21),
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details[0].field).toBe('endsOn');

    const ended = await a.c.admin.post(`/api/enrollments/classes/${e.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: e.id, startsOn: day(-20), endsOn: today });

    const twice = await a.c.admin.post(`/api/enrollments/classes/${e.id}/end`, {
      endsOn: day(3),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ENROLLMENT_ENDED');

    const audit = await a.c.admin.get('/api/audit-events?action=class_enrollment.ended');
    const event = audit.json().items.find((x: { entityId: string }) => x.entityId === e.id);
    expect(event).toMatchObject({ before: { endsOn: null }, after: { endsOn: today } });
  });

  it('deletes enrollments starting today or later, and keeps started ones', async () => {
    const started = await enroll(a.artId, a.s.bo, day(-1));
    const startsToday = await enroll(a.artId, a.s.cy, today);
    const future = await enroll(a.artId, a.s.dee, day(7));

    const refused = await a.c.admin.delete(`/api/enrollments/classes/${started.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ENROLLMENT_STARTED');
    expect((await a.c.admin.delete(`/api/enrollments/classes/${startsToday.id}`)).statusCode).toBe(
      204,
    );
    expect((await a.c.admin.delete(`/api/enrollments/classes/${future.id}`)).statusCode).toBe(204);
    expect((await a.c.admin.delete(`/api/enrollments/classes/${future.id}`)).statusCode).toBe(404);

    const left = await t.owner.query<{ id: string }>(
      'select id from class_enrollments where class_id = $1 and student_id = any($2::uuid[])',
      [a.artId, [a.s.bo, a.s.cy, a.s.dee]],
    );
    expect(left.map((r) => r.id)).toEqual([started.id]);
    const audit = await a.c.admin.get('/api/audit-events?action=class_enrollment.deleted');
    expect(audit.json().items.map((x: { entityId: string }) => x.entityId)).toEqual(
      expect.arrayContaining([startsToday.id, future.id]),
    );
  });

  it('answers unknown enrollment ids with 404', async () => {
    const missing = newId();
    expect((await a.c.admin.post(`/api/enrollments/classes/${missing}/end`, {})).statusCode).toBe(
      404,
    );
    expect((await a.c.admin.delete(`/api/enrollments/classes/${missing}`)).statusCode).toBe(404);
    expect((await a.c.admin.delete(`/api/enrollments/sections/${missing}`)).statusCode).toBe(404);
  });
});

describe('section enrollment', () => {
  it('places a student for the year, moves her within it, and keeps her current section', async () => {
    const [first, second] = a.sectionIds;
    const placed = await a.c.staff.post('/api/enrollments/sections', {
      studentId: a.s.eli,
      sectionId: first,
      academicYearId: a.yearId,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ sectionId: first, currentYear: true });
    expect(await studentSection(a.s.eli)).toBe(first);

    const moved = await a.c.staff.post('/api/enrollments/sections', {
      studentId: a.s.eli,
      sectionId: second,
      academicYearId: a.yearId,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: placed.json().id, sectionId: second });
    expect(await studentSection(a.s.eli)).toBe(second);
    const rows = await t.owner.query<{ section_id: string }>(
      'select section_id from section_enrollments where student_id = $1',
      [a.s.eli],
    );
    expect(rows).toEqual([{ section_id: second }]);

    const audit = await a.c.admin.get('/api/audit-events?entityType=section_enrollment');
    const actions = audit
      .json()
      .items.filter((e: { entityId: string }) => e.entityId === placed.json().id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['section_enrollment.created', 'section_enrollment.moved']),
    );
  });

  it("records other years without touching the student's current section", async () => {
    await a.c.admin.post('/api/enrollments/sections', {
      studentId: a.s.cy,
      sectionId: a.sectionIds[1],
      academicYearId: a.yearId,
    });
    const past = await a.c.admin.post('/api/enrollments/sections', {
      studentId: a.s.cy,
      sectionId: a.sectionIds[0],
      academicYearId: a.lastYearId,
    });
    expect(past.statusCode).toBe(201);
    expect(past.json().currentYear).toBe(false);
    expect(await studentSection(a.s.cy)).toBe(a.sectionIds[1]);

    expect((await a.c.admin.delete(`/api/enrollments/sections/${past.json().id}`)).statusCode).toBe(
      204,
    );
    expect(await studentSection(a.s.cy)).toBe(a.sectionIds[1]);
  });

  it("clears the current section when the current year's placement is removed", async () => {
    const placed = await a.c.admin.post('/api/enrollments/sections', {
      studentId: a.s.dee,
      sectionId: a.sectionIds[0],
      academicYearId: a.yearId,
    });
    expect(await studentSection(a.s.dee)).toBe(a.sectionIds[0]);
    const removed = await a.c.admin.delete(`/api/enrollments/sections/${placed.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect(await studentSection(a.s.dee)).toBeNull();
    const audit = await a.c.admin.get('/api/audit-events?action=section_enrollment.deleted');
    expect(audit.json().items.map((e: { entityId: string }) => e.entityId)).toContain(
      placed.json().id,
    );
  });

  it('refuses unknown records with 400 and withdrawn students with 422', async () => {
    const unknown = await a.c.admin.post('/api/enrollments/sections', {
      studentId: a.s.bo,
      sectionId: newId(),
      academicYearId: newId(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'sectionId',
      'academicYearId',
    ]);
    const withdrawn = await a.c.admin.post('/api/enrollments/sections', {
      studentId: a.s.wren,
      sectionId: a.sectionIds[0],
      academicYearId: a.yearId,
    });
    expect(withdrawn.statusCode).toBe(422);
    expect(withdrawn.json().error.code).toBe('STUDENT_NOT_ENROLLABLE');
    expect(await studentSection(a.s.wren)).toBeNull();
  });
});

describe('class rosters', () => {
  let r: Fixture;
  const enrollmentOf: Record<string, string> = {};

  beforeAll(async () => {
    r = await seedSchool();
    const post = async (studentIds: string[], startsOn: string) => {
      const res = await r.c.admin.post('/api/enrollments/classes', {
        classId: r.mathId,
        studentIds,
        startsOn,
      });
      expect(res.statusCode, res.body).toBe(201);
      for (const e of res.json().created) enrollmentOf[e.studentId] = e.id;
    };
    await post([r.s.ana, r.s.bo, r.s.cy], day(-30));
    await post([r.s.dee], day(10));
    await post([r.s.eli], day(-40));
    const ended = await r.c.admin.post(`/api/enrollments/classes/${enrollmentOf[r.s.eli]}/end`, {
      endsOn: day(-10),
    });
    expect(ended.statusCode).toBe(200);
  });

  const names = (res: { json(): { items: { firstName: string; lastName: string }[] } }) =>
    res.json().items.map((i) => `${i.firstName} ${i.lastName}`);

  it('lists the students enrolled on the day, by last then first name', async () => {
    const now = await r.c.admin.get(`/api/classes/${r.mathId}/roster`);
    expect(now.statusCode).toBe(200);
    expect(now.json().on).toBe(today);
    expect(names(now)).toEqual(['Bo Adams', 'Cy Adams', 'Ana Zamora']);
    expect(now.json().items[0]).toEqual({
      enrollmentId: enrollmentOf[r.s.bo],
      studentId: r.s.bo,
      admissionNumber: 'A-bo',
      firstName: 'Bo',
      lastName: 'Adams',
      startsOn: day(-30),
      endsOn: null,
    });

    const earlier = await r.c.admin.get(`/api/classes/${r.mathId}/roster?on=${day(-35)}`);
    expect(names(earlier)).toEqual(['Eli Novak']);
    const lastDay = await r.c.admin.get(`/api/classes/${r.mathId}/roster?on=${day(-10)}`);
    expect(names(lastDay)).toEqual(['Bo Adams', 'Cy Adams', 'Eli Novak', 'Ana Zamora']);
    const later = await r.c.admin.get(`/api/classes/${r.mathId}/roster?on=${day(10)}`);
    expect(names(later)).toEqual(['Bo Adams', 'Cy Adams', 'Dee Mills', 'Ana Zamora']);
    expect((await r.c.admin.get(`/api/classes/${r.mathId}/roster?on=soon`)).statusCode).toBe(400);
  });

  it('pages with a cursor', async () => {
    const seen: string[] = [];
    let url = `/api/classes/${r.mathId}/roster?on=${day(10)}&limit=3`;
    for (;;) {
      const res = await r.c.staff.get(url);
      expect(res.statusCode).toBe(200);
      seen.push(...names(res));
      const next = res.json().nextCursor as string | null;
      if (!next) break;
      url = `/api/classes/${r.mathId}/roster?on=${day(10)}&limit=3&cursor=${encodeURIComponent(next)}`;
    }
    expect(seen).toEqual(['Bo Adams', 'Cy Adams', 'Dee Mills', 'Ana Zamora']);
    const forged = Buffer.from(JSON.stringify(['a', 'b', 'not-a-uuid'])).toString('base64url');
    expect(
      (await r.c.staff.get(`/api/classes/${r.mathId}/roster?cursor=${forged}`)).statusCode,
    ).toBe(400);
  });

  it("shows a teacher her own class's roster and answers 404 for another teacher's", async () => {
    const own = await r.c.ada.get(`/api/classes/${r.mathId}/roster`);
    expect(own.statusCode).toBe(200);
    expect(names(own)).toEqual(['Bo Adams', 'Cy Adams', 'Ana Zamora']);
    const other = await r.c.ben.get(`/api/classes/${r.mathId}/roster`);
    expect(other.statusCode).toBe(404);
    const missing = await r.c.ada.get(`/api/classes/${newId()}/roster`);
    expect(missing.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect(other.json().error.code).toBe('CLASS_NOT_FOUND');
  });

  it('refuses rosters to students and guardians', async () => {
    expect((await r.c.pupil.get(`/api/classes/${r.mathId}/roster`)).statusCode).toBe(403);
    expect((await r.c.parent.get(`/api/classes/${r.mathId}/roster`)).statusCode).toBe(403);
  });
});

describe("a person's classes", () => {
  let p: Fixture;

  beforeAll(async () => {
    p = await seedSchool();
    const enroll = async (classId: string, studentIds: string[], startsOn = day(-5)) => {
      const res = await p.c.admin.post('/api/enrollments/classes', {
        classId,
        studentIds,
        startsOn,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await enroll(p.mathId, [p.s.ana, p.s.kit]);
    await enroll(p.scienceId, [p.s.ana, p.s.bo]);
    await enroll(p.artId, [p.s.ana], day(20));
  });

  const classNames = (items: { name: string }[]) => items.map((c) => c.name);

  it("lists a student's current classes with subject, term, teachers and room", async () => {
    const res = await p.c.staff.get(`/api/students/${p.s.ana}/classes`);
    expect(res.statusCode).toBe(200);
    expect(res.json().on).toBe(today);
    expect(classNames(res.json().items)).toEqual(['Maths 7A', 'Science 7']);
    expect(res.json().items[0]).toMatchObject({
      id: p.mathId,
      subject: { code: 'MATH', name: 'Mathematics' },
      term: { id: p.termId, name: 'Term 2', startsOn: day(-60), endsOn: day(60) },
      section: { id: p.sectionIds[0], name: '7A' },
      gradeLevel: null,
      room: { name: 'Room 12' },
      teachers: [{ id: p.teacherAdaId, firstName: 'Ada', lastName: 'Lovelace' }],
      enrollment: { startsOn: day(-5), endsOn: null },
    });
    expect(res.json().items[1]).toMatchObject({ room: null, section: null });
    const later = await p.c.staff.get(`/api/students/${p.s.ana}/classes?on=${day(20)}`);
    expect(classNames(later.json().items)).toEqual(['Maths 7A', 'Maths 7B', 'Science 7']);
  });

  it('applies relationship scopes to a student’s classes', async () => {
    expect((await p.c.ada.get(`/api/students/${p.s.ana}/classes`)).statusCode).toBe(200);
    expect((await p.c.ada.get(`/api/students/${p.s.eli}/classes`)).statusCode).toBe(404);
    expect((await p.c.pupil.get(`/api/students/${p.s.ana}/classes`)).statusCode).toBe(200);
    expect((await p.c.pupil.get(`/api/students/${p.s.bo}/classes`)).statusCode).toBe(404);
    expect((await p.c.parent.get(`/api/students/${p.s.ana}/classes`)).statusCode).toBe(200);
    expect((await p.c.parent.get(`/api/students/${p.s.bo}/classes`)).statusCode).toBe(404);
    // Linked, but the school has not given this guardian portal access for Kit.
    const hidden = await p.c.parent.get(`/api/students/${p.s.kit}/classes`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('STUDENT_NOT_FOUND');
    expect((await p.c.accountant.get(`/api/students/${p.s.bo}/classes`)).statusCode).toBe(200);
  });

  it("lists a teacher's classes to the school and to herself only", async () => {
    const res = await p.c.staff.get(`/api/staff/${p.teacherAdaId}/classes`);
    expect(res.statusCode).toBe(200);
    expect(classNames(res.json().items)).toEqual(['Maths 7A', 'Maths 7B']);
    expect(res.json().items[1].teachers.map((x: { firstName: string }) => x.firstName)).toEqual([
      'Ada',
      'Ben',
    ]);
    const own = await p.c.ada.get(`/api/staff/${p.teacherAdaId}/classes?termId=${p.termId}`);
    expect(classNames(own.json().items)).toEqual(['Maths 7A', 'Maths 7B']);
    expect(
      (await p.c.ada.get(`/api/staff/${p.teacherAdaId}/classes?termId=${newId()}`)).json().items,
    ).toEqual([]);
    expect((await p.c.pupil.get(`/api/staff/${p.teacherAdaId}/classes`)).statusCode).toBe(404);
    expect((await p.c.parent.get(`/api/staff/${p.teacherBenId}/classes`)).statusCode).toBe(404);
    expect((await p.c.admin.get(`/api/staff/${newId()}/classes`)).statusCode).toBe(404);
  });

  it('answers /api/me/classes for a teacher, a student and a guardian', async () => {
    const teacher = (await p.c.ben.get('/api/me/classes')).json();
    expect(classNames(teacher.teaching)).toEqual(['Maths 7B', 'Science 7']);
    expect(teacher.enrolled).toEqual([]);
    expect(teacher.children).toEqual([]);

    const pupil = (await p.c.pupil.get('/api/me/classes')).json();
    expect(pupil.teaching).toEqual([]);
    expect(classNames(pupil.enrolled)).toEqual(['Maths 7A', 'Science 7']);
    expect(pupil.enrolled[0].enrollment.startsOn).toBe(day(-5));

    const parent = await p.c.parent.get('/api/me/classes');
    expect(parent.statusCode).toBe(200);
    expect(parent.json().children).toHaveLength(1);
    expect(parent.json().children[0].student).toEqual({
      id: p.s.ana,
      admissionNumber: 'A-ana',
      firstName: 'Ana',
      lastName: 'Zamora',
    });
    expect(classNames(parent.json().children[0].classes)).toEqual(['Maths 7A', 'Science 7']);

    const admin = (await p.c.admin.get('/api/me/classes')).json();
    expect(admin).toEqual({ on: today, teaching: [], enrolled: [], children: [] });
  });
});

describe('across schools', () => {
  it("cannot enroll another school's students or into its classes, and writes nothing", async () => {
    const beforeA = await countRows('class_enrollments', a.school.id);
    const beforeB = await countRows('class_enrollments', b.school.id);
    const sectionsBefore = await countRows('section_enrollments', a.school.id);

    const theirStudent = await b.c.admin.post('/api/enrollments/classes', {
      classId: b.mathId,
      studentIds: [b.s.eli, a.s.eli],
    });
    expect(theirStudent.statusCode).toBe(400);
    expect(theirStudent.json().error.details).toEqual([
      expect.objectContaining({ field: 'studentIds.1', code: 'unknown' }),
    ]);
    const theirClass = await b.c.admin.post('/api/enrollments/classes', {
      classId: a.mathId,
      studentIds: [b.s.eli],
    });
    expect(theirClass.statusCode).toBe(400);
    expect(theirClass.json().error.details[0].field).toBe('classId');
    const theirSection = await b.c.admin.post('/api/enrollments/sections', {
      studentId: a.s.bo,
      sectionId: a.sectionIds[0],
      academicYearId: a.yearId,
    });
    expect(theirSection.statusCode).toBe(400);
    expect(theirSection.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'studentId',
      'sectionId',
      'academicYearId',
    ]);

    expect(await countRows('class_enrollments', a.school.id)).toBe(beforeA);
    expect(await countRows('class_enrollments', b.school.id)).toBe(beforeB);
    expect(await countRows('section_enrollments', a.school.id)).toBe(sectionsBefore);
  });

  it("answers 404 for another school's enrollments, classes, students and staff", async () => {
    const enrolled = await a.c.admin.post('/api/enrollments/classes', {
      classId: a.mathId,
      studentIds: [a.s.kit],
      startsOn: day(3),
    });
    expect(enrolled.statusCode).toBe(201);
    const classEnrollmentId = enrolled.json().created[0].id as string;
    const placed = await a.c.admin.post('/api/enrollments/sections', {
      studentId: a.s.kit,
      sectionId: a.sectionIds[0],
      academicYearId: a.yearId,
    });
    const sectionEnrollmentId = placed.json().id as string;

    expect(
      (await b.c.admin.post(`/api/enrollments/classes/${classEnrollmentId}/end`, {})).statusCode,
    ).toBe(404);
    expect(
      (await b.c.admin.delete(`/api/enrollments/classes/${classEnrollmentId}`)).statusCode,
    ).toBe(404);
    expect(
      (await b.c.admin.delete(`/api/enrollments/sections/${sectionEnrollmentId}`)).statusCode,
    ).toBe(404);
    expect((await b.c.admin.get(`/api/classes/${a.mathId}/roster?on=${day(3)}`)).statusCode).toBe(
      404,
    );
    expect((await b.c.admin.get(`/api/students/${a.s.kit}/classes`)).statusCode).toBe(404);
    expect((await b.c.admin.get(`/api/staff/${a.teacherAdaId}/classes`)).statusCode).toBe(404);

    const stillThere = await t.owner.query<{ ends_on: string | null }>(
      'select ends_on from class_enrollments where id = $1',
      [classEnrollmentId],
    );
    expect(stillThere).toEqual([{ ends_on: null }]);
    expect(await studentSection(a.s.kit)).toBe(a.sectionIds[0]);
    const roster = await a.c.admin.get(`/api/classes/${a.mathId}/roster?on=${day(3)}`);
    expect(roster.json().items.map((i: { studentId: string }) => i.studentId)).toContain(a.s.kit);
  });
});
