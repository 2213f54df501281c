import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Period, TimetableEntry, Week, Day } from '../../../shared/contracts/timetable.js';
import {
  addDays,
  createTeachingFixture,
  type TeachingFixture,
} from '../../../test/teaching-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { isoWeekday } from '../enrollment/school-date.js';

let t: TestDatabase;
let h: TestApp;
let a: TeachingFixture;
let b: TeachingFixture;

interface Body {
  error: {
    code: string;
    message: string;
    details?: { field: string; code: string; message: string }[];
  };
}

const p: Record<'p1' | 'p2', Period> = {} as never;
/** Entries made in set-up, by name. */
const e: Record<'mathMon' | 'math1BMon' | 'sciMon2' | 'engTue', TimetableEntry> = {} as never;
let english2AId: string;
let bPeriodId: string;

/** The first date on or after `from` that falls on the ISO weekday. */
function nextWeekday(from: string, weekday: number): string {
  for (let i = 0; i < 7; i++) {
    const date = addDays(from, i);
    if (isoWeekday(date) === weekday) return date;
  }
  throw new Error('unreachable');
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = await t.owner.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? -1;
}

function entriesOfTerm(termId: string): Promise<number> {
  return count('select count(*)::int as n from timetable_entries where term_id = $1', [termId]);
}

function classesOfTerm(termId: string): Promise<number> {
  return count('select count(*)::int as n from classes where term_id = $1', [termId]);
}

async function addPeriod(f: TeachingFixture, body: Record<string, unknown>): Promise<Period> {
  const res = await f.c.admin.post('/api/periods', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Period>();
}

async function addEntry(body: Record<string, unknown>): Promise<TimetableEntry> {
  const res = await a.c.admin.post('/api/timetable/entries', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TimetableEntry>();
}

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  a = await createTeachingFixture(t, h.app);
  b = await createTeachingFixture(t, h.app);

  p.p1 = await addPeriod(a, {
    name: 'Period 1',
    startsAt: '08:00',
    endsAt: '08:45',
    days: [5, 4, 3, 2, 1],
    sortOrder: 1,
  });
  p.p2 = await addPeriod(a, {
    name: 'Period 2',
    startsAt: '08:45',
    endsAt: '09:30',
    days: [1, 2, 3, 4, 5],
    sortOrder: 2,
  });
  bPeriodId = (
    await addPeriod(b, { name: 'B1', startsAt: '09:00', endsAt: '09:40', days: [1, 2, 3] })
  ).id;

  const english2A = await a.c.admin.post('/api/classes', {
    name: 'English 2A',
    subjectId: a.subjects.eng,
    termId: a.term1Id,
    sectionId: a.section2AId,
    teacherIds: [a.benId],
  });
  expect(english2A.statusCode, english2A.body).toBe(201);
  english2AId = english2A.json<{ id: string }>().id;

  e.mathMon = await addEntry({
    classId: a.classes.math1A,
    day: 1,
    periodId: p.p1.id,
    roomId: a.room1Id,
  });
  e.math1BMon = await addEntry({
    classId: a.classes.math1B,
    day: 1,
    periodId: p.p1.id,
    roomId: a.room2Id,
  });
  e.sciMon2 = await addEntry({ classId: a.classes.sci2, day: 1, periodId: p.p2.id });
  e.engTue = await addEntry({
    classId: a.classes.eng1A,
    day: 2,
    periodId: p.p1.id,
    roomId: a.room1Id,
  });
});

afterAll(async () => {
  await h.close();
  await t.close();
});

describe('periods', () => {
  it('lists periods by position, with days sorted and times as HH:MM', async () => {
    const res = await a.c.ada.get('/api/periods');
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json<{ items: Period[]; nextCursor: null }>();
    expect(items.map((x) => x.name)).toEqual(['Period 1', 'Period 2']);
    expect(items[0]).toMatchObject({ startsAt: '08:00', endsAt: '08:45', days: [1, 2, 3, 4, 5] });
    expect(nextCursor).toBeNull();
  });

  it('lets students and guardians read periods, which are not personal', async () => {
    expect((await a.c.pupil.get('/api/periods')).statusCode).toBe(200);
    const one = await a.c.parent.get(`/api/periods/${p.p1.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<Period>().name).toBe('Period 1');
  });

  it('refuses an end that is not after the start', async () => {
    const res = await a.c.admin.post('/api/periods', {
      name: 'Backwards',
      startsAt: '10:00',
      endsAt: '10:00',
      days: [1],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<Body>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([
      expect.objectContaining({ field: 'endsAt', code: 'before_start' }),
    ]);
  });

  it('refuses a period overlapping another on a shared day, naming it', async () => {
    const res = await a.c.admin.post('/api/periods', {
      name: 'Assembly',
      startsAt: '08:30',
      endsAt: '09:00',
      days: [3, 6],
    });
    expect(res.statusCode).toBe(400);
    const details = res.json<Body>().error.details ?? [];
    expect(details).toHaveLength(2);
    expect(details.every((d) => d.field === 'startsAt' && d.code === 'overlap')).toBe(true);
    expect(details[0]?.message).toBe('overlaps Period 1 (08:00–08:45) on Wednesday');
    expect(details[1]?.message).toBe('overlaps Period 2 (08:45–09:30) on Wednesday');
  });

  it('accepts the same times on days no other period runs, and touching ends', async () => {
    const saturday = await addPeriod(a, {
      name: 'Saturday club',
      startsAt: '08:00',
      endsAt: '09:30',
      days: [6],
    });
    expect(saturday.sortOrder).toBe(3);
    const after = await addPeriod(a, {
      name: 'Break',
      startsAt: '09:30',
      endsAt: '09:45',
      days: [1],
    });
    const moved = await a.c.admin.patch(`/api/periods/${after.id}`, { startsAt: '09:15' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json<Body>().error.details?.[0]?.message).toContain('Period 2');
    const renamed = await a.c.admin.patch(`/api/periods/${after.id}`, {
      name: 'Long break',
      endsAt: '10:00',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<Period>()).toMatchObject({ name: 'Long break', endsAt: '10:00' });
    expect((await a.c.admin.delete(`/api/periods/${after.id}`)).statusCode).toBe(204);
    expect((await a.c.admin.delete(`/api/periods/${saturday.id}`)).statusCode).toBe(204);
    expect((await a.c.admin.get(`/api/periods/${after.id}`)).statusCode).toBe(404);
  });

  it('refuses a second period with the same name', async () => {
    const res = await a.c.admin.post('/api/periods', {
      name: 'Period 1',
      startsAt: '15:00',
      endsAt: '15:30',
      days: [1],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Body>().error.code).toBe('CONFLICT');
  });

  it('refuses to delete a period entries use, or to drop a day they use', async () => {
    const del = await a.c.admin.delete(`/api/periods/${p.p1.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json<Body>().error.code).toBe('IN_USE');
    const drop = await a.c.admin.patch(`/api/periods/${p.p1.id}`, { days: [3, 4, 5] });
    expect(drop.statusCode).toBe(409);
    expect(drop.json<Body>().error.message).toContain('Monday, Tuesday');
  });

  it('records period changes in the audit log', async () => {
    const n = await count(
      `select count(*)::int as n from audit_events where school_id = $1 and entity_type = 'period'`,
      [a.school.id],
    );
    // Two created in set-up; Saturday club and Break created, Break renamed, both deleted.
    expect(n).toBe(7);
  });

  it('does not let a teacher change periods', async () => {
    const res = await a.c.ada.post('/api/periods', {
      name: 'Mine',
      startsAt: '16:00',
      endsAt: '16:30',
      days: [1],
    });
    expect(res.statusCode).toBe(403);
    expect((await a.c.ada.patch(`/api/periods/${p.p1.id}`, { name: 'X' })).statusCode).toBe(403);
    expect((await a.c.ada.delete(`/api/periods/${p.p2.id}`)).statusCode).toBe(403);
  });
});

describe('entries', () => {
  it('takes the term and section from the class, the teacher from its only teacher', () => {
    expect(e.mathMon).toMatchObject({
      termId: a.term1Id,
      day: 1,
      period: { id: p.p1.id, name: 'Period 1', startsAt: '08:00', endsAt: '08:45' },
      class: { id: a.classes.math1A, name: 'Mathematics 1A', subjectName: 'Mathematics' },
      section: { id: a.section1AId, name: '1A' },
      gradeLevel: { id: a.grade1Id, name: 'Grade 1' },
      room: { id: a.room1Id, name: 'R1' },
      teacher: { id: a.adaId, name: 'Ada Lovelace' },
    });
    expect(e.sciMon2).toMatchObject({
      section: null,
      gradeLevel: { id: a.grade2Id, name: 'Grade 2' },
      room: null,
      teacher: { id: a.adaId },
    });
  });

  it('refuses a teacher in two places, naming the clash', async () => {
    const res = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.sci2,
      day: 1,
      periodId: p.p1.id,
    });
    expect(res.statusCode).toBe(409);
    const body = res.json<Body>();
    expect(body.error.code).toBe('TIMETABLE_CONFLICT');
    expect(body.error.message).toBe(
      'Ada Lovelace already teaches Mathematics 1A on Monday in Period 1.',
    );
    expect(body.error.details).toEqual([
      {
        field: 'teacherId',
        code: 'teacher_busy',
        message: 'Ada Lovelace already teaches Mathematics 1A on Monday in Period 1.',
      },
    ]);
  });

  it('refuses a room booked twice', async () => {
    const res = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.sci2,
      day: 2,
      periodId: p.p1.id,
      roomId: a.room1Id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Body>().error).toMatchObject({
      code: 'TIMETABLE_CONFLICT',
      message: 'Room R1 is already booked for English 1A on Tuesday in Period 1.',
      details: [expect.objectContaining({ field: 'roomId', code: 'room_busy' })],
    });
  });

  it('refuses a section with two lessons at once', async () => {
    const res = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.math1A,
      day: 2,
      periodId: p.p1.id,
      roomId: null,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Body>().error).toMatchObject({
      message: 'Section 1A already has English 1A on Tuesday in Period 1.',
      details: [expect.objectContaining({ field: 'sectionId', code: 'section_busy' })],
    });
  });

  it('refuses the class twice in one slot', async () => {
    const res = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.math1A,
      day: 1,
      periodId: p.p1.id,
      roomId: null,
      teacherId: null,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Body>().error).toMatchObject({
      message: 'Mathematics 1A is already timetabled on Monday in Period 1.',
      details: [expect.objectContaining({ field: 'classId', code: 'class_busy' })],
    });
  });

  it('names every clash at once', async () => {
    const res = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.math1B,
      day: 1,
      periodId: p.p1.id,
      roomId: a.room1Id,
    });
    expect(res.statusCode).toBe(409);
    const details = res.json<Body>().error.details ?? [];
    expect(details.map((d) => d.code).sort()).toEqual(['class_busy', 'room_busy', 'teacher_busy']);
  });

  it('refuses a section class when its whole grade has a class then, and back', async () => {
    await addEntry({ classId: a.classes.sci2, day: 3, periodId: p.p1.id });
    const section = await a.c.admin.post('/api/timetable/entries', {
      classId: english2AId,
      day: 3,
      periodId: p.p1.id,
    });
    expect(section.statusCode).toBe(409);
    expect(section.json<Body>().error).toMatchObject({
      message: 'Section 2A already has Science 2 on Wednesday in Period 1.',
      details: [expect.objectContaining({ field: 'sectionId', code: 'section_busy' })],
    });

    await addEntry({ classId: english2AId, day: 3, periodId: p.p2.id });
    const grade = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.sci2,
      day: 3,
      periodId: p.p2.id,
    });
    expect(grade.statusCode).toBe(409);
    expect(grade.json<Body>().error).toMatchObject({
      message: 'Section 2A of Grade 2 already has English 2A on Wednesday in Period 2.',
      details: [expect.objectContaining({ field: 'sectionId', code: 'section_busy' })],
    });
  });

  it('refuses a day the period does not run on', async () => {
    const res = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.math1A,
      day: 6,
      periodId: p.p1.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Body>().error.details).toEqual([
      {
        field: 'day',
        code: 'not_period_day',
        message:
          'Period 1 does not run on Saturday; it runs on Monday, Tuesday, Wednesday, Thursday, Friday',
      },
    ]);
  });

  it('refuses a teacher who does not teach the class, and unknown references', async () => {
    const res = await a.c.admin.post('/api/timetable/entries', {
      classId: a.classes.math1A,
      day: 4,
      periodId: p.p1.id,
      teacherId: a.benId,
      roomId: b.room1Id,
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json<Body>().error.details ?? []).map((d) => `${d.field}:${d.code}`);
    expect(fields.sort()).toEqual(['roomId:unknown', 'teacherId:not_class_teacher']);
  });

  it('re-checks clashes on change, leaving the entry itself out', async () => {
    const same = await a.c.admin.patch(`/api/timetable/entries/${e.mathMon.id}`, {
      roomId: a.room1Id,
      day: 1,
    });
    expect(same.statusCode, same.body).toBe(200);
    const clash = await a.c.admin.patch(`/api/timetable/entries/${e.mathMon.id}`, { day: 2 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<Body>().error.message).toBe(
      'Room R1 is already booked for English 1A on Tuesday in Period 1. Section 1A already has English 1A on Tuesday in Period 1.',
    );
    const moved = await a.c.admin.patch(`/api/timetable/entries/${e.mathMon.id}`, {
      day: 4,
      roomId: a.room2Id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<TimetableEntry>()).toMatchObject({ day: 4, room: { id: a.room2Id } });
    const back = await a.c.admin.patch(`/api/timetable/entries/${e.mathMon.id}`, {
      day: 1,
      roomId: a.room1Id,
    });
    expect(back.statusCode).toBe(200);
  });

  it('removes an entry', async () => {
    const extra = await addEntry({ classId: a.classes.eng1A, day: 5, periodId: p.p2.id });
    expect((await a.c.admin.delete(`/api/timetable/entries/${extra.id}`)).statusCode).toBe(204);
    const again = await a.c.admin.delete(`/api/timetable/entries/${extra.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json<Body>().error.code).toBe('TIMETABLE_ENTRY_NOT_FOUND');
  });

  it('audits every entry write', async () => {
    const rows = await t.owner.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_events
        where school_id = $1 and entity_type = 'timetable_entry' group by action order by action`,
      [a.school.id],
    );
    expect(rows).toEqual([
      { action: 'timetable_entry.created', n: 7 },
      { action: 'timetable_entry.deleted', n: 1 },
      { action: 'timetable_entry.updated', n: 2 },
    ]);
  });

  it('does not let a teacher manage entries', async () => {
    const post = await a.c.ada.post('/api/timetable/entries', {
      classId: a.classes.math1A,
      day: 5,
      periodId: p.p1.id,
    });
    expect(post.statusCode).toBe(403);
    expect(
      (await a.c.ada.patch(`/api/timetable/entries/${e.mathMon.id}`, { day: 5 })).statusCode,
    ).toBe(403);
    expect((await a.c.ben.delete(`/api/timetable/entries/${e.engTue.id}`)).statusCode).toBe(403);
    expect((await a.c.staff.delete(`/api/timetable/entries/${e.engTue.id}`)).statusCode).toBe(403);
  });
});

describe('week views', () => {
  const week = async (client: keyof TeachingFixture['c'], query: string) => {
    const res = await a.c[client].get(`/api/timetable?${query}`);
    return { status: res.statusCode, body: res.json<Week & Body>() };
  };
  const classNames = (w: Week) => w.entries.map((x) => `${x.day}:${x.period.name}:${x.class.name}`);

  it("shows a section's week with its grade's whole-grade classes, in the current term", async () => {
    const { status, body } = await week('staff', `sectionId=${a.section2AId}`);
    expect(status).toBe(200);
    expect(body.term).toMatchObject({ id: a.term1Id, name: 'Term 1' });
    expect(body.periods.map((x) => x.name)).toEqual(['Period 1', 'Period 2']);
    expect(body.periods[0]).toEqual({
      id: p.p1.id,
      name: 'Period 1',
      startsAt: '08:00',
      endsAt: '08:45',
      days: [1, 2, 3, 4, 5],
    });
    expect(classNames(body)).toEqual([
      '1:Period 2:Science 2',
      '3:Period 1:Science 2',
      '3:Period 2:English 2A',
    ]);
    const oneA = await week('accountant', `sectionId=${a.section1AId}&termId=${a.term1Id}`);
    expect(classNames(oneA.body)).toEqual(['1:Period 1:Mathematics 1A', '2:Period 1:English 1A']);
  });

  it("shows a teacher's, a room's and a class's week to whole-school readers", async () => {
    const ada = await week('ben', `teacherId=${a.adaId}`);
    expect(ada.status).toBe(200);
    expect(classNames(ada.body)).toEqual([
      '1:Period 1:Mathematics 1A',
      '1:Period 2:Science 2',
      '3:Period 1:Science 2',
    ]);
    const room = await week('ada', `roomId=${a.room1Id}`);
    expect(classNames(room.body)).toEqual(['1:Period 1:Mathematics 1A', '2:Period 1:English 1A']);
    const klass = await week('admin', `classId=${a.classes.math1B}`);
    expect(klass.body.term.id).toBe(a.term1Id);
    expect(klass.body.entries).toEqual([
      expect.objectContaining({
        id: e.math1BMon.id,
        teacher: { id: a.benId, name: 'Ben Okafor' },
        room: { id: a.room2Id, name: 'R2' },
      }),
    ]);
  });

  it('shows a student her own week and nobody else’s', async () => {
    const own = await week('pupil', `studentId=${a.students.ana}`);
    expect(own.status).toBe(200);
    expect(classNames(own.body)).toEqual(['1:Period 1:Mathematics 1A', '2:Period 1:English 1A']);
    expect((await week('pupil', `studentId=${a.students.bo}`)).status).toBe(403);
    expect((await week('pupil', `sectionId=${a.section1AId}`)).status).toBe(403);
    expect((await week('pupil', `teacherId=${a.adaId}`)).status).toBe(403);
  });

  it("shows a guardian her own child's week only", async () => {
    const child = await week('parent', `studentId=${a.students.ana}`);
    expect(child.status).toBe(200);
    expect(child.body.entries).toHaveLength(2);
    const other = await week('parent', `studentId=${a.students.dan}`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    const dan = await week('otherParent', `studentId=${a.students.dan}`);
    expect(classNames(dan.body)).toEqual(['1:Period 1:Mathematics 1B']);
    expect((await week('parent', `roomId=${a.room1Id}`)).status).toBe(403);
  });

  it('answers 404 for unknown ids and 400 without exactly one selector', async () => {
    const unknown = await week('parent', `studentId=${b.students.ana}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('STUDENT_NOT_FOUND');
    expect((await week('admin', '')).status).toBe(400);
    const two = await week('admin', `sectionId=${a.section1AId}&roomId=${a.room1Id}`);
    expect(two.status).toBe(400);
    expect(two.body.error.details?.[0]?.code).toBe('one_selector');
    expect((await week('admin', `roomId=${a.room1Id}&termId=${b.term1Id}`)).status).toBe(404);
  });

  it('shows an empty week for a term without entries', async () => {
    const { status, body } = await week('admin', `sectionId=${a.section1AId}&termId=${a.term2Id}`);
    expect(status).toBe(200);
    expect(body.term.id).toBe(a.term2Id);
    expect(body.entries).toEqual([]);
    expect(body.periods).toHaveLength(2);
  });
});

describe("a day's classes", () => {
  const monday = () => nextWeekday(a.today, 1);

  it('gives a teacher her lessons of the day by start time, with her staff id', async () => {
    const res = await a.c.ada.get(`/api/timetable/day?date=${monday()}`);
    expect(res.statusCode).toBe(200);
    const day = res.json<Day>();
    expect(day).toMatchObject({ date: monday(), day: 1, staffId: a.adaId, studentId: null });
    expect(day.items.map((i) => [i.period.startsAt, i.class.name, i.student])).toEqual([
      ['08:00', 'Mathematics 1A', null],
      ['08:45', 'Science 2', null],
    ]);
    expect(day.items[0]).toMatchObject({
      entryId: e.mathMon.id,
      date: monday(),
      class: { id: a.classes.math1A },
      period: { id: p.p1.id },
      room: { id: a.room1Id },
    });
  });

  it('gives a student her classes and a guardian each child’s', async () => {
    const pupil = (await a.c.pupil.get(`/api/timetable/day?date=${monday()}`)).json<Day>();
    expect(pupil.studentId).toBe(a.students.ana);
    expect(pupil.items.map((i) => [i.class.name, i.student?.name])).toEqual([
      ['Mathematics 1A', 'Ana Zamora'],
    ]);
    const parent = (await a.c.parent.get(`/api/timetable/day?date=${monday()}`)).json<Day>();
    expect(parent.items.map((i) => [i.class.name, i.student?.id])).toEqual([
      ['Mathematics 1A', a.students.ana],
    ]);
    const tuesday = nextWeekday(a.today, 2);
    const other = (await a.c.otherParent.get(`/api/timetable/day?date=${tuesday}`)).json<Day>();
    expect(other.items).toEqual([]);
  });

  it('is empty outside every term and for accounts linked to no one', async () => {
    const far = nextWeekday(addDays(a.today, 400), 1);
    expect((await a.c.ada.get(`/api/timetable/day?date=${far}`)).json<Day>().items).toEqual([]);
    const admin = (await a.c.admin.get(`/api/timetable/day?date=${monday()}`)).json<Day>();
    expect(admin).toMatchObject({ staffId: null, items: [] });
    const today = await a.c.ada.get('/api/timetable/day');
    expect(today.statusCode).toBe(200);
    expect(today.json<Day>().date).toBe(a.today);
  });
});

describe('copying a timetable between terms', () => {
  it('refuses a teacher', async () => {
    const res = await a.c.ada.post('/api/timetable/copy', {
      fromTermId: a.term1Id,
      toTermId: a.term2Id,
    });
    expect(res.statusCode).toBe(403);
  });

  it('creates the missing classes and copies every entry', async () => {
    const sourceEntries = await entriesOfTerm(a.term1Id);
    expect(await classesOfTerm(a.term2Id)).toBe(0);
    const res = await a.c.admin.post('/api/timetable/copy', {
      fromTermId: a.term1Id,
      toTermId: a.term2Id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      createdClasses: 5,
      copiedEntries: sourceEntries,
      replacedEntries: 0,
    });
    expect(await classesOfTerm(a.term2Id)).toBe(5);
    const ada = await a.c.admin.get(`/api/timetable?teacherId=${a.adaId}&termId=${a.term2Id}`);
    const entries = ada.json<Week>().entries;
    expect(entries.map((x) => `${x.day}:${x.period.name}:${x.class.name}`)).toEqual([
      '1:Period 1:Mathematics 1A',
      '1:Period 2:Science 2',
      '3:Period 1:Science 2',
    ]);
    expect(entries.every((x) => x.termId === a.term2Id)).toBe(true);
    expect(entries.some((x) => Object.values(a.classes).includes(x.class.id))).toBe(false);
  });

  it('refuses a target term that has entries unless told to replace them', async () => {
    const before = await entriesOfTerm(a.term2Id);
    const refused = await a.c.admin.post('/api/timetable/copy', {
      fromTermId: a.term1Id,
      toTermId: a.term2Id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Body>().error.code).toBe('CONFLICT');

    const replaced = await a.c.admin.post('/api/timetable/copy', {
      fromTermId: a.term1Id,
      toTermId: a.term2Id,
      replace: true,
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toEqual({
      createdClasses: 0,
      copiedEntries: await entriesOfTerm(a.term1Id),
      replacedEntries: before,
    });
    expect(await classesOfTerm(a.term2Id)).toBe(5);
  });

  it('writes nothing when any copied entry would clash', async () => {
    const term3 = await a.c.admin.post('/api/terms', {
      academicYearId: a.yearId,
      name: 'Term 3',
      startsOn: addDays(a.today, 181),
      endsOn: addDays(a.today, 199),
    });
    expect(term3.statusCode, term3.body).toBe(201);
    const term3Id = term3.json<{ id: string }>().id;
    // Taught by Ben alone, so Mathematics 1A's Monday lesson lands on Ben, who has 1B then.
    const maths = await a.c.admin.post('/api/classes', {
      name: 'Maths for 1A',
      subjectId: a.subjects.math,
      termId: term3Id,
      sectionId: a.section1AId,
      teacherIds: [a.benId],
    });
    expect(maths.statusCode).toBe(201);
    const res = await a.c.admin.post('/api/timetable/copy', {
      fromTermId: a.term1Id,
      toTermId: term3Id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Body>().error).toMatchObject({
      code: 'TIMETABLE_CONFLICT',
      details: [expect.objectContaining({ code: 'teacher_busy' })],
    });
    expect(res.json<Body>().error.message).toContain('Ben Okafor already teaches');
    expect(await classesOfTerm(term3Id)).toBe(1);
    expect(await entriesOfTerm(term3Id)).toBe(0);
  });

  it('audits the copy and the classes it created', async () => {
    const copied = await count(
      `select count(*)::int as n from audit_events where school_id = $1 and action = 'timetable.copied'`,
      [a.school.id],
    );
    expect(copied).toBe(2);
    const created = await count(
      `select count(*)::int as n from audit_events where school_id = $1 and action = 'class.created'
         and after ? 'copiedFromClassId'`,
      [a.school.id],
    );
    expect(created).toBe(5);
  });
});

describe('another school', () => {
  it("answers 404 for the first school's period, entry and class ids", async () => {
    const period = await b.c.admin.get(`/api/periods/${p.p1.id}`);
    expect(period.statusCode).toBe(404);
    expect(period.json<Body>().error.code).toBe('PERIOD_NOT_FOUND');
    expect((await b.c.admin.patch(`/api/periods/${p.p1.id}`, { name: 'Mine' })).statusCode).toBe(
      404,
    );
    expect((await b.c.admin.delete(`/api/periods/${p.p2.id}`)).statusCode).toBe(404);
    const entry = await b.c.admin.patch(`/api/timetable/entries/${e.mathMon.id}`, { day: 2 });
    expect(entry.statusCode).toBe(404);
    expect(entry.json<Body>().error.code).toBe('TIMETABLE_ENTRY_NOT_FOUND');
    expect((await b.c.admin.delete(`/api/timetable/entries/${e.mathMon.id}`)).statusCode).toBe(404);
    const klass = await b.c.admin.get(`/api/timetable?classId=${a.classes.math1A}`);
    expect(klass.statusCode).toBe(404);
    expect(klass.json<Body>().error.code).toBe('CLASS_NOT_FOUND');
    expect((await b.c.admin.get(`/api/timetable?sectionId=${a.section1AId}`)).statusCode).toBe(404);
    expect((await b.c.admin.get(`/api/timetable?teacherId=${a.adaId}`)).statusCode).toBe(404);
    expect((await b.c.admin.get(`/api/timetable?studentId=${a.students.ana}`)).statusCode).toBe(
      404,
    );
  });

  it("refuses writes that point at the first school's records", async () => {
    const entry = await b.c.admin.post('/api/timetable/entries', {
      classId: a.classes.math1A,
      day: 1,
      periodId: bPeriodId,
    });
    expect(entry.statusCode).toBe(400);
    expect(entry.json<Body>().error.details?.[0]).toMatchObject({
      field: 'classId',
      code: 'unknown',
    });
    const period = await b.c.admin.post('/api/timetable/entries', {
      classId: b.classes.math1A,
      day: 1,
      periodId: p.p1.id,
    });
    expect(period.statusCode).toBe(400);
    expect(period.json<Body>().error.details?.[0]).toMatchObject({
      field: 'periodId',
      code: 'unknown',
    });
    const copy = await b.c.admin.post('/api/timetable/copy', {
      fromTermId: a.term1Id,
      toTermId: b.term2Id,
    });
    expect(copy.statusCode).toBe(400);
    expect(await entriesOfTerm(a.term1Id)).toBeGreaterThan(0);
  });

  it("never shows the first school's periods or entries", async () => {
    const periods = (await b.c.admin.get('/api/periods')).json<{ items: Period[] }>().items;
    expect(periods.map((x) => x.id)).toEqual([bPeriodId]);
    const ownEntry = await b.c.admin.post('/api/timetable/entries', {
      classId: b.classes.math1A,
      day: 1,
      periodId: bPeriodId,
    });
    expect(ownEntry.statusCode).toBe(201);
    const week = (await b.c.admin.get(`/api/timetable?sectionId=${b.section1AId}`)).json<Week>();
    expect(week.entries.map((x) => x.id)).toEqual([ownEntry.json<TimetableEntry>().id]);
    expect(week.periods.map((x) => x.id)).toEqual([bPeriodId]);
    const day = (
      await b.c.ada.get(`/api/timetable/day?date=${nextWeekday(b.today, 1)}`)
    ).json<Day>();
    expect(day.items.map((i) => i.entryId)).toEqual([ownEntry.json<TimetableEntry>().id]);
  });
});

describe('writes at the same moment', () => {
  it('lets exactly one of several requests for a slot through', async () => {
    const tries = await Promise.all(
      [a.classes.sci2, english2AId, a.classes.sci2].map((classId) =>
        a.c.admin.post('/api/timetable/entries', { classId, day: 4, periodId: p.p2.id }),
      ),
    );
    expect(tries.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const refused of tries.filter((r) => r.statusCode === 409)) {
      expect(refused.json<Body>().error.code).toBe('TIMETABLE_CONFLICT');
    }
  });
});

describe('classes in the timetable', () => {
  it('keep their term and group while they have lessons, and are never deleted with them', async () => {
    const move = await a.c.admin.patch(`/api/classes/${a.classes.math1B}`, {
      sectionId: a.section2AId,
    });
    expect(move.statusCode, move.body).toBe(409);
    expect(move.json().error.code).toBe('IN_USE');
    expect(move.json().error.message).toMatch(/timetable lesson/);
    // Renaming is fine.
    const rename = await a.c.admin.patch(`/api/classes/${a.classes.math1B}`, {
      name: 'Maths 1B',
    });
    expect(rename.statusCode, rename.body).toBe(200);

    const remove = await a.c.admin.delete(`/api/classes/${a.classes.math1B}`);
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error.code).toBe('IN_USE');
    expect(
      await count('select count(*)::int as n from timetable_entries where class_id = $1', [
        a.classes.math1B,
      ]),
    ).toBeGreaterThan(0);
  });
});
