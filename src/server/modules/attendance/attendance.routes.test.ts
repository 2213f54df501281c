import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostClient } from '../../../test/identity.js';
import {
  addDays,
  createTeachingFixture,
  type TeachingFixture,
} from '../../../test/teaching-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from '../../platform/db/ids.js';
import { periods, timetableEntries } from '../timetable/timetable.table.js';
import { isoWeekday } from '../enrollment/school-date.js';

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

type Mark = { studentId: string; status: string; note?: string | null };

function put(c: HostClient, body: Record<string, unknown>) {
  return c.request('PUT', '/api/attendance/register', body);
}

function classRegister(
  f: TeachingFixture,
  classKey: keyof TeachingFixture['classes'],
  date: string,
  marks: Mark[],
  extra: Record<string, unknown> = {},
) {
  return { kind: 'class', classId: f.classes[classKey], date, marks, ...extra };
}

function dailyRegister(sectionId: string, date: string, marks: Mark[]) {
  return { kind: 'daily', sectionId, date, marks };
}

async function count(sqlText: string, params: unknown[]): Promise<number> {
  const rows = await t.owner.query<{ n: number }>(
    `select count(*)::int as n from ${sqlText}`,
    params,
  );
  return rows[0]?.n ?? -1;
}

/** A period of the school and a timetable entry for the class on the date's weekday. */
async function schedule(
  f: TeachingFixture,
  classKey: keyof TeachingFixture['classes'],
  date: string,
  teacherId: string,
  sectionId: string | null,
): Promise<{ scheduled: string; other: string }> {
  const scheduled = newId();
  const other = newId();
  await t.db.withTenant(f.school.id, async (tx) => {
    await tx.insert(periods).values([
      {
        schoolId: f.school.id,
        id: scheduled,
        name: `P-${scheduled.slice(-4)}`,
        startsAt: '08:00',
        endsAt: '08:45',
        days: [1, 2, 3, 4, 5, 6, 7],
      },
      {
        schoolId: f.school.id,
        id: other,
        name: `Q-${other.slice(-4)}`,
        startsAt: '09:00',
        endsAt: '09:45',
        days: [1, 2, 3, 4, 5, 6, 7],
      },
    ]);
    await tx.insert(timetableEntries).values({
      schoolId: f.school.id,
      id: newId(),
      termId: f.term1Id,
      classId: f.classes[classKey],
      day: isoWeekday(date),
      periodId: scheduled,
      teacherId,
      sectionId,
    });
  });
  return { scheduled, other };
}

describe('saving a register', () => {
  let f: TeachingFixture;
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
  });

  it('shows everyone present before anything is recorded', async () => {
    const res = await f.c.ada.get(
      `/api/attendance/register?classId=${f.classes.math1A}&date=${f.today}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.register).toBeNull();
    expect(body.canRecord).toBe(true);
    expect(body.lockedReason).toBeNull();
    expect(body.class).toMatchObject({ id: f.classes.math1A, name: 'Mathematics 1A' });
    expect(body.roster.map((r: { lastName: string }) => r.lastName)).toEqual([
      'Adams',
      'Brook',
      'Zamora',
    ]);
    expect(body.roster.every((r: { status: string }) => r.status === 'present')).toBe(true);
    expect(body.counts).toEqual({ present: 3, absent: 0, late: 0, excused: 0 });
  });

  it('creates the register and a mark per student, present unless listed', async () => {
    const res = await put(
      f.c.ada,
      classRegister(f, 'math1A', f.today, [
        { studentId: f.students.bo, status: 'absent', note: ' sick ' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ present: 2, absent: 1, late: 0, excused: 0, changed: 0 });
    expect(body.register).toMatchObject({ kind: 'class', date: f.today, takenByName: 'ada' });
    expect(
      body.roster.find((r: { studentId: string }) => r.studentId === f.students.bo),
    ).toMatchObject({
      status: 'absent',
      note: 'sick',
    });
    expect(await count('attendance_registers where class_id = $1', [f.classes.math1A])).toBe(1);
    expect(await count('attendance_marks where register_id = $1', [body.register.id])).toBe(3);
    expect(await count('attendance_mark_history where register_id = $1', [body.register.id])).toBe(
      0,
    );

    const again = await f.c.ada.get(
      `/api/attendance/register?classId=${f.classes.math1A}&date=${f.today}`,
    );
    expect(again.json().register.id).toBe(body.register.id);
    expect(again.json().counts).toEqual({ present: 2, absent: 1, late: 0, excused: 0 });
  });

  it('updates the same register on a second save and keeps the history of each change', async () => {
    const res = await put(
      f.c.ada,
      classRegister(
        f,
        'math1A',
        f.today,
        [
          { studentId: f.students.bo, status: 'late', note: 'sick' },
          { studentId: f.students.cy, status: 'absent' },
        ],
        { reason: 'Bo came in late' },
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ present: 1, absent: 1, late: 1, excused: 0, changed: 2 });
    const registerId = body.register.id as string;
    expect(await count('attendance_registers where class_id = $1', [f.classes.math1A])).toBe(1);
    expect(await count('attendance_marks where register_id = $1', [registerId])).toBe(3);
    const history = await t.owner.query<Record<string, unknown>>(
      `select student_id, previous_status, new_status, reason, changed_by, changed_by_name, changed_at
         from attendance_mark_history where register_id = $1 order by student_id`,
      [registerId],
    );
    expect(history).toHaveLength(2);
    const bo = history.find((r) => r.student_id === f.students.bo);
    expect(bo).toMatchObject({
      previous_status: 'absent',
      new_status: 'late',
      reason: 'Bo came in late',
      changed_by: f.userIds.ada,
      changed_by_name: 'ada',
    });
    expect(bo?.changed_at).toBeTruthy();

    const read = await f.c.ada.get(`/api/attendance/registers/${registerId}/history`);
    expect(read.statusCode, read.body).toBe(200);
    const boHistory = read
      .json()
      .items.find((i: { studentId: string }) => i.studentId === f.students.bo);
    expect(boHistory).toMatchObject({ status: 'late', note: 'sick', updatedByName: 'ada' });
    expect(boHistory.changes).toMatchObject([
      {
        previousStatus: 'absent',
        newStatus: 'late',
        reason: 'Bo came in late',
        changedByName: 'ada',
      },
    ]);
    const only = await f.c.admin.get(
      `/api/attendance/registers/${registerId}/history?studentId=${f.students.cy}`,
    );
    expect(only.json().items).toHaveLength(1);
    expect(only.json().items[0].changes[0]).toMatchObject({
      previousStatus: 'present',
      newStatus: 'absent',
    });

    const audits = await count(
      "audit_events where entity_type = 'attendance_register' and entity_id = $1",
      [registerId],
    );
    expect(audits).toBe(2);
  });

  it('saving the same marks again changes nothing', async () => {
    const res = await put(
      f.c.ada,
      classRegister(f, 'math1A', f.today, [
        { studentId: f.students.bo, status: 'late', note: 'sick' },
        { studentId: f.students.cy, status: 'absent' },
      ]),
    );
    expect(res.json().counts.changed).toBe(0);
    const id = res.json().register.id as string;
    expect(await count('attendance_mark_history where register_id = $1', [id])).toBe(2);
  });

  it('makes one register when two first saves arrive together', async () => {
    const body = classRegister(f, 'eng1A', f.today, [
      { studentId: f.students.ana, status: 'late' },
    ]);
    const [one, two] = await Promise.all([put(f.c.ben, body), put(f.c.staff, body)]);
    expect(one.statusCode, one.body).toBe(200);
    expect(two.statusCode, two.body).toBe(200);
    expect(one.json().register.id).toBe(two.json().register.id);
    expect(await count('attendance_registers where class_id = $1', [f.classes.eng1A])).toBe(1);
    expect(await count('attendance_marks where register_id = $1', [one.json().register.id])).toBe(
      3,
    );
  });

  it('refuses a student who is not on the roster and saves nothing', async () => {
    const res = await put(
      f.c.ben,
      classRegister(f, 'math1B', f.today, [
        { studentId: f.students.dan, status: 'absent' },
        { studentId: f.students.ana, status: 'absent' },
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NOT_ON_ROSTER');
    expect(res.json().error.details).toMatchObject([{ field: 'marks.1.studentId' }]);
    expect(await count('attendance_registers where class_id = $1', [f.classes.math1B])).toBe(0);
    expect(await count('attendance_marks where student_id = $1', [f.students.dan])).toBe(0);
  });

  it('refuses a student listed twice and malformed bodies', async () => {
    const twice = await put(
      f.c.ben,
      classRegister(f, 'math1B', f.today, [
        { studentId: f.students.dan, status: 'absent' },
        { studentId: f.students.dan, status: 'late' },
      ]),
    );
    expect(twice.statusCode).toBe(400);
    const badStatus = await put(
      f.c.ben,
      classRegister(f, 'math1B', f.today, [{ studentId: f.students.dan, status: 'gone' }]),
    );
    expect(badStatus.statusCode).toBe(400);
    const mixed = await put(f.c.admin, {
      ...classRegister(f, 'math1B', f.today, []),
      sectionId: f.section1BId,
    });
    expect(mixed.statusCode).toBe(400);
    expect(await count('attendance_registers where class_id = $1', [f.classes.math1B])).toBe(0);
  });

  it('keeps period registers apart and refuses a period the class does not meet in', async () => {
    const { scheduled, other } = await schedule(f, 'math1A', f.today, f.adaId, f.section1AId);
    const wrong = await put(f.c.ada, classRegister(f, 'math1A', f.today, [], { periodId: other }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toMatchObject([
      { field: 'periodId', code: 'not_scheduled' },
    ]);
    const unknown = await put(
      f.c.ada,
      classRegister(f, 'math1A', f.today, [], { periodId: newId() }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toMatchObject([{ field: 'periodId', code: 'unknown' }]);
    const ok = await put(
      f.c.ada,
      classRegister(f, 'math1A', f.today, [{ studentId: f.students.ana, status: 'absent' }], {
        periodId: scheduled,
      }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().period).toMatchObject({ id: scheduled, startsAt: '08:00', endsAt: '08:45' });
    expect(await count('attendance_registers where class_id = $1', [f.classes.math1A])).toBe(2);

    const mine = await f.c.ada.get(`/api/attendance/mine?date=${f.today}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toMatchObject([
      {
        kind: 'daily',
        section: { id: f.section1AId, name: '1A', gradeLevelName: 'Grade 1' },
        taken: false,
        counts: null,
      },
      {
        kind: 'class',
        class: { id: f.classes.math1A, name: 'Mathematics 1A' },
        period: { id: scheduled },
        startsAt: '08:00',
        taken: true,
        registerId: ok.json().register.id,
        counts: { present: 2, absent: 1, late: 0, excused: 0 },
      },
    ]);
    expect((await f.c.ben.get(`/api/attendance/mine?date=${f.today}`)).json().items).toEqual([]);
    expect((await f.c.parent.get('/api/attendance/mine')).json()).toMatchObject({ items: [] });
  });

  it("refuses a date outside the class's term, even for an admin", async () => {
    const res = await put(f.c.admin, classRegister(f, 'math1A', addDays(f.today, -61), []));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject([{ field: 'date', code: 'outside_term' }]);
    const view = await f.c.admin.get(
      `/api/attendance/register?classId=${f.classes.math1A}&date=${addDays(f.today, -61)}`,
    );
    expect(view.json()).toMatchObject({ canRecord: false, lockedReason: 'outside_term' });
  });
});

describe('the recording window', () => {
  let f: TeachingFixture;
  const mark = (f: TeachingFixture) => [{ studentId: f.students.ana, status: 'absent' }];
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
  });

  it('refuses a teacher yesterday with the default window of 0 days', async () => {
    const yesterday = addDays(f.today, -1);
    const res = await put(f.c.ada, classRegister(f, 'math1A', yesterday, mark(f)));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ATTENDANCE_WINDOW_CLOSED');
    expect(res.json().error.message).toContain(f.today);
    expect(await count('attendance_registers where class_id = $1', [f.classes.math1A])).toBe(0);
    const view = await f.c.ada.get(
      `/api/attendance/register?classId=${f.classes.math1A}&date=${yesterday}`,
    );
    expect(view.json()).toMatchObject({ canRecord: false, lockedReason: 'window_closed' });
  });

  it('allows yesterday once the window is one day, but not the day before', async () => {
    const settings = await f.c.admin.patch('/api/attendance/settings', { editWindowDays: 1 });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ editWindowDays: 1, lowAttendanceThreshold: 90 });
    const ok = await put(f.c.ada, classRegister(f, 'math1A', addDays(f.today, -1), mark(f)));
    expect(ok.statusCode, ok.body).toBe(200);
    const old = await put(f.c.ada, classRegister(f, 'math1A', addDays(f.today, -2), mark(f)));
    expect(old.statusCode).toBe(422);
    const staffOld = await put(
      f.c.staff,
      classRegister(f, 'math1A', addDays(f.today, -2), mark(f)),
    );
    expect(staffOld.json().error.code).toBe('ATTENDANCE_WINDOW_CLOSED');
  });

  it('allows older dates covered by an unexpired unlock for her, and only those', async () => {
    const unlock = await f.c.admin.post('/api/attendance/unlocks', {
      staffId: f.adaId,
      startsOn: addDays(f.today, -5),
      endsOn: addDays(f.today, -3),
      reason: 'Was on a school trip',
    });
    expect(unlock.statusCode, unlock.body).toBe(201);
    expect(unlock.json()).toMatchObject({
      staffId: f.adaId,
      staffName: 'Ada Lovelace',
      active: true,
      grantedByName: 'admin',
      // The end of the school's next day (the fixture's school keeps UTC).
      expiresAt: `${addDays(f.today, 2)}T00:00:00.000Z`,
    });
    const inside = await put(f.c.ada, classRegister(f, 'math1A', addDays(f.today, -4), mark(f)));
    expect(inside.statusCode, inside.body).toBe(200);
    const outside = await put(f.c.ada, classRegister(f, 'math1A', addDays(f.today, -6), mark(f)));
    expect(outside.statusCode).toBe(422);
    const ben = await put(f.c.ben, classRegister(f, 'math1B', addDays(f.today, -4), []));
    expect(ben.statusCode).toBe(422);

    const listed = await f.c.admin.get('/api/attendance/unlocks?active=true');
    expect(listed.json().items.map((u: { id: string }) => u.id)).toEqual([unlock.json().id]);

    await t.owner.query(
      "update attendance_unlocks set expires_at = now() - interval '1 minute' where id = $1",
      [unlock.json().id],
    );
    const expired = await put(f.c.ada, classRegister(f, 'math1A', addDays(f.today, -4), mark(f)));
    expect(expired.statusCode).toBe(422);
    expect((await f.c.admin.get('/api/attendance/unlocks?active=true')).json().items).toEqual([]);
  });

  it('deleting an unlock closes the dates again', async () => {
    const unlock = await f.c.admin.post('/api/attendance/unlocks', {
      staffId: f.adaId,
      startsOn: addDays(f.today, -10),
      endsOn: addDays(f.today, -10),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      reason: 'Correction',
    });
    expect(unlock.statusCode).toBe(201);
    const id = unlock.json().id as string;
    expect(
      (await put(f.c.ada, classRegister(f, 'eng1A', addDays(f.today, -10), []))).statusCode,
    ).toBe(403);
    expect(
      (await put(f.c.ada, classRegister(f, 'math1A', addDays(f.today, -10), []))).statusCode,
    ).toBe(200);
    expect((await f.c.admin.delete(`/api/attendance/unlocks/${id}`)).statusCode).toBe(204);
    expect((await f.c.admin.delete(`/api/attendance/unlocks/${id}`)).statusCode).toBe(404);
    expect(
      (await put(f.c.ada, classRegister(f, 'math1A', addDays(f.today, -10), []))).statusCode,
    ).toBe(422);
    expect(
      await count("audit_events where entity_type = 'attendance_unlock'", []),
    ).toBeGreaterThanOrEqual(2);
  });

  it('refuses unlocks that end before they start or have already expired', async () => {
    const backwards = await f.c.admin.post('/api/attendance/unlocks', {
      staffId: f.adaId,
      startsOn: f.today,
      endsOn: addDays(f.today, -1),
      reason: 'x',
    });
    expect(backwards.statusCode).toBe(400);
    const past = await f.c.admin.post('/api/attendance/unlocks', {
      staffId: f.adaId,
      startsOn: f.today,
      endsOn: f.today,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
      reason: 'x',
    });
    expect(past.statusCode).toBe(400);
    const stranger = await f.c.admin.post('/api/attendance/unlocks', {
      staffId: newId(),
      startsOn: f.today,
      endsOn: f.today,
      reason: 'x',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details).toMatchObject([{ field: 'staffId', code: 'unknown' }]);
    const byStaff = await f.c.staff.post('/api/attendance/unlocks', {
      staffId: f.adaId,
      startsOn: f.today,
      endsOn: f.today,
      reason: 'x',
    });
    expect(byStaff.statusCode).toBe(403);
  });

  it('never limits an admin, and refuses future dates for everyone', async () => {
    const old = await put(f.c.admin, classRegister(f, 'math1A', addDays(f.today, -30), mark(f)));
    expect(old.statusCode, old.body).toBe(200);
    for (const c of [f.c.admin, f.c.ada]) {
      const future = await put(c, classRegister(f, 'math1A', addDays(f.today, 1), mark(f)));
      expect(future.statusCode).toBe(400);
      expect(future.json().error.details).toMatchObject([{ field: 'date', code: 'future' }]);
    }
  });

  it('lets recorders read the settings and only admins change them', async () => {
    const read = await f.c.ada.get('/api/attendance/settings');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ editWindowDays: 1, today: f.today });
    expect((await f.c.staff.get('/api/attendance/settings')).statusCode).toBe(200);
    expect((await f.c.parent.get('/api/attendance/settings')).statusCode).toBe(403);
    expect((await f.c.pupil.get('/api/attendance/settings')).statusCode).toBe(403);
    expect(
      (await f.c.staff.patch('/api/attendance/settings', { editWindowDays: 3 })).statusCode,
    ).toBe(403);
    expect(
      (await f.c.admin.patch('/api/attendance/settings', { editWindowDays: 366 })).statusCode,
    ).toBe(400);
    expect((await f.c.admin.patch('/api/attendance/settings', {})).statusCode).toBe(400);
    const threshold = await f.c.admin.patch('/api/attendance/settings', {
      lowAttendanceThreshold: 85.5,
    });
    expect(threshold.json()).toMatchObject({ editWindowDays: 1, lowAttendanceThreshold: 85.5 });
  });
});

describe('who may read and record', () => {
  let f: TeachingFixture;
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
    const saved = await put(
      f.c.admin,
      classRegister(f, 'math1A', f.today, [{ studentId: f.students.ana, status: 'absent' }]),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const eng = await put(
      f.c.admin,
      classRegister(f, 'eng1A', f.today, [{ studentId: f.students.ana, status: 'late' }]),
    );
    expect(eng.statusCode).toBe(200);
    const dan = await put(
      f.c.admin,
      classRegister(f, 'math1B', f.today, [{ studentId: f.students.dan, status: 'excused' }]),
    );
    expect(dan.statusCode).toBe(200);
  });

  it("refuses Ben reading or recording Ada's class", async () => {
    const readIt = await f.c.ben.get(
      `/api/attendance/register?classId=${f.classes.math1A}&date=${f.today}`,
    );
    expect(readIt.statusCode).toBe(403);
    const recordIt = await put(f.c.ben, classRegister(f, 'math1A', f.today, []));
    expect(recordIt.statusCode).toBe(403);
    const view = await f.c.ada.get(
      `/api/attendance/register?classId=${f.classes.math1A}&date=${f.today}`,
    );
    const history = await f.c.ben.get(
      `/api/attendance/registers/${view.json().register.id}/history`,
    );
    expect(history.statusCode).toBe(403);
  });

  it('lets Ada record her homeroom daily register, not another section', async () => {
    const own = await put(
      f.c.ada,
      dailyRegister(f.section1AId, f.today, [{ studentId: f.students.cy, status: 'late' }]),
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      kind: 'daily',
      section: { id: f.section1AId, name: '1A', gradeLevelName: 'Grade 1' },
      counts: { present: 2, late: 1 },
    });
    expect((await put(f.c.ben, dailyRegister(f.section1AId, f.today, []))).statusCode).toBe(403);
    expect((await put(f.c.ada, dailyRegister(f.section1BId, f.today, []))).statusCode).toBe(403);
    const staffDaily = await f.c.staff.get(
      `/api/attendance/register?sectionId=${f.section1BId}&date=${f.today}`,
    );
    expect(staffDaily.json().roster.map((r: { firstName: string }) => r.firstName)).toEqual([
      'Dan',
      'Eve',
    ]);
  });

  it('keeps students, guardians and accountants out of registers', async () => {
    const url = `/api/attendance/register?classId=${f.classes.math1A}&date=${f.today}`;
    expect((await f.c.pupil.get(url)).statusCode).toBe(403);
    expect((await f.c.parent.get(url)).statusCode).toBe(403);
    expect((await f.c.accountant.get(url)).statusCode).toBe(403);
    expect((await put(f.c.parent, classRegister(f, 'math1A', f.today, []))).statusCode).toBe(403);
    const view = await f.c.staff.get(url);
    expect(view.json()).toMatchObject({ canRecord: true, lockedReason: null });
  });

  it("lets a guardian read her child's attendance, not another family's", async () => {
    const own = await f.c.parent.get(`/api/attendance/students/${f.students.ana}`);
    expect(own.statusCode, own.body).toBe(200);
    // Ana: absent in maths, late in English, present in Ada's daily register for 1A. The
    // summary counts days, from the daily register; every mark is still listed.
    expect(own.json().summary).toEqual({
      present: 1,
      absent: 0,
      late: 0,
      excused: 0,
      total: 1,
      ratePercent: 100,
    });
    expect(
      own
        .json()
        .items.map((i: { kind: string; className: string | null; status: string }) => [
          i.kind,
          i.className,
          i.status,
        ]),
    ).toEqual([
      ['daily', null, 'present'],
      ['class', 'English 1A', 'late'],
      ['class', 'Mathematics 1A', 'absent'],
    ]);
    const other = await f.c.parent.get(`/api/attendance/students/${f.students.dan}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('STUDENT_NOT_FOUND');
    expect(
      (await f.c.otherParent.get(`/api/attendance/students/${f.students.dan}`)).statusCode,
    ).toBe(200);
  });

  it('lets a student read only herself', async () => {
    expect((await f.c.pupil.get(`/api/attendance/students/${f.students.ana}`)).statusCode).toBe(
      200,
    );
    expect((await f.c.pupil.get(`/api/attendance/students/${f.students.bo}`)).statusCode).toBe(404);
  });

  it('limits a teacher to the marks of her own registers', async () => {
    const ben = await f.c.ben.get(`/api/attendance/students/${f.students.ana}`);
    expect(ben.statusCode).toBe(200);
    expect(ben.json().items.map((i: { className: string }) => i.className)).toEqual(['English 1A']);
    // With no daily register in his view, his summary counts the lessons he sees.
    expect(ben.json().summary).toMatchObject({ late: 1, total: 1, ratePercent: 100 });
    const ada = await f.c.ada.get(`/api/attendance/students/${f.students.ana}`);
    // Her maths class and her homeroom's daily register, not Ben's English.
    expect(
      ada
        .json()
        .items.map((i: { kind: string; className: string | null; sectionName: string | null }) => [
          i.kind,
          i.className ?? i.sectionName,
        ]),
    ).toEqual([
      ['daily', '1A'],
      ['class', 'Mathematics 1A'],
    ]);
    expect((await f.c.ada.get(`/api/attendance/students/${f.students.dan}`)).statusCode).toBe(404);
    const range = await f.c.admin.get(
      `/api/attendance/students/${f.students.ana}?from=${addDays(f.today, -10)}&to=${addDays(f.today, -1)}`,
    );
    expect(range.json()).toMatchObject({ items: [], summary: { total: 0, ratePercent: null } });
  });
});

describe('absence notes', () => {
  let f: TeachingFixture;
  const d1 = () => addDays(f.today, -1);
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
    for (const body of [
      classRegister(f, 'math1A', d1(), [
        { studentId: f.students.ana, status: 'absent', note: 'no word' },
        { studentId: f.students.bo, status: 'absent' },
      ]),
      dailyRegister(f.section1AId, d1(), [{ studentId: f.students.ana, status: 'absent' }]),
      classRegister(f, 'eng1A', d1(), [{ studentId: f.students.ana, status: 'late' }]),
      classRegister(f, 'math1A', addDays(f.today, -3), [
        { studentId: f.students.ana, status: 'absent' },
      ]),
    ]) {
      const res = await put(f.c.admin, body);
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  const submit = (c: HostClient, studentId: string, startsOn = d1(), endsOn = d1()) =>
    c.post('/api/attendance/absence-notes', { studentId, startsOn, endsOn, reason: 'Fever' });

  it('lets a guardian send a note for her child only', async () => {
    const res = await submit(f.c.parent, f.students.ana);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      studentId: f.students.ana,
      studentName: 'Ana Zamora',
      guardianId: f.rosaId,
      guardianName: 'Rosa Zamora',
      status: 'pending',
      reason: 'Fever',
    });
    expect((await submit(f.c.parent, f.students.dan)).statusCode).toBe(404);
    expect((await submit(f.c.admin, f.students.ana)).statusCode).toBe(403);
    expect((await submit(f.c.pupil, f.students.ana)).statusCode).toBe(403);
    expect((await submit(f.c.ada, f.students.ana)).statusCode).toBe(403);
    expect((await submit(f.c.parent, f.students.ana, f.today, d1())).statusCode).toBe(400);
  });

  it('lists notes to those who may see them', async () => {
    const ids = async (c: HostClient, query = '') =>
      (await c.get(`/api/attendance/absence-notes${query}`))
        .json()
        .items.map((n: { studentId: string }) => n.studentId);
    expect(await ids(f.c.parent)).toEqual([f.students.ana]);
    expect(await ids(f.c.otherParent)).toEqual([]);
    expect(await ids(f.c.staff, '?status=pending')).toEqual([f.students.ana]);
    expect(await ids(f.c.staff, '?status=accepted')).toEqual([]);
    expect(await ids(f.c.ben)).toEqual([f.students.ana]);
    expect(await ids(f.c.admin, `?studentId=${f.students.bo}`)).toEqual([]);
    expect((await f.c.pupil.get('/api/attendance/absence-notes')).statusCode).toBe(403);
  });

  it("accepting excuses the child's absences in the dates, with history, once", async () => {
    const note = (await f.c.admin.get('/api/attendance/absence-notes')).json().items[0];
    expect(
      (await f.c.ada.post(`/api/attendance/absence-notes/${note.id}/accept`, {})).statusCode,
    ).toBe(403);
    const res = await f.c.staff.post(`/api/attendance/absence-notes/${note.id}/accept`, {
      comment: 'Thanks',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'accepted',
      reviewedByName: 'staff',
      reviewComment: 'Thanks',
      excusedMarks: 2,
    });
    const marks = await t.owner.query<{ status: string; n: number }>(
      `select m.status, count(*)::int as n from attendance_marks m
        where m.student_id = $1 group by m.status order by m.status`,
      [f.students.ana],
    );
    // The two absences yesterday are excused; the late mark and the older absence stay.
    expect(marks).toEqual([
      { status: 'absent', n: 1 },
      { status: 'excused', n: 2 },
      { status: 'late', n: 1 },
    ]);
    const history = await t.owner.query<Record<string, unknown>>(
      `select previous_status, new_status, previous_note, new_note, reason, changed_by
         from attendance_mark_history where student_id = $1 order by previous_note nulls first`,
      [f.students.ana],
    );
    expect(history).toEqual([
      {
        previous_status: 'absent',
        new_status: 'excused',
        previous_note: null,
        new_note: null,
        reason: 'Absence note accepted',
        changed_by: f.userIds.staff,
      },
      {
        previous_status: 'absent',
        new_status: 'excused',
        previous_note: 'no word',
        new_note: 'no word',
        reason: 'Absence note accepted',
        changed_by: f.userIds.staff,
      },
    ]);
    const bo = await t.owner.query<{ status: string }>(
      "select status from attendance_marks where student_id = $1 and status <> 'present'",
      [f.students.bo],
    );
    // Another child's absence on the same day is not touched.
    expect(bo.map((r) => r.status)).toEqual(['absent']);

    const twice = await f.c.admin.post(`/api/attendance/absence-notes/${note.id}/accept`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ABSENCE_NOTE_REVIEWED');
    expect(
      (await f.c.admin.post(`/api/attendance/absence-notes/${note.id}/reject`)).statusCode,
    ).toBe(409);
    expect(
      await count("audit_events where entity_type = 'absence_note' and entity_id = $1", [note.id]),
    ).toBe(2);
  });

  it('rejecting leaves the marks alone', async () => {
    const note = (
      await submit(f.c.parent, f.students.ana, addDays(f.today, -3), addDays(f.today, -3))
    ).json();
    const res = await f.c.admin.post(`/api/attendance/absence-notes/${note.id}/reject`, {
      comment: 'No evidence',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      reviewComment: 'No evidence',
      excusedMarks: 0,
    });
    expect(
      await count("attendance_marks where student_id = $1 and status = 'absent'", [f.students.ana]),
    ).toBe(1);
    expect(
      (await f.c.staff.post(`/api/attendance/absence-notes/${note.id}/accept`, {})).statusCode,
    ).toBe(409);
  });

  it('lets the guardian who sent a pending note withdraw it', async () => {
    const note = (await submit(f.c.parent, f.students.ana)).json();
    expect(
      (await f.c.otherParent.post(`/api/attendance/absence-notes/${note.id}/withdraw`)).statusCode,
    ).toBe(404);
    expect(
      (await f.c.staff.post(`/api/attendance/absence-notes/${note.id}/withdraw`)).statusCode,
    ).toBe(403);
    const res = await f.c.parent.post(`/api/attendance/absence-notes/${note.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    expect(
      (await f.c.parent.post(`/api/attendance/absence-notes/${note.id}/withdraw`)).statusCode,
    ).toBe(409);
    expect(
      (await f.c.staff.post(`/api/attendance/absence-notes/${note.id}/accept`, {})).statusCode,
    ).toBe(409);
    expect(
      (await f.c.admin.post(`/api/attendance/absence-notes/${newId()}/accept`, {})).statusCode,
    ).toBe(404);
  });
});

describe('reports', () => {
  let f: TeachingFixture;
  const d1 = () => addDays(f.today, -3);
  const d2 = () => addDays(f.today, -2);
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
    const s = f.students;
    for (const body of [
      classRegister(f, 'math1A', d1(), [
        { studentId: s.ana, status: 'absent' },
        { studentId: s.bo, status: 'late' },
      ]),
      classRegister(f, 'math1A', d2(), [{ studentId: s.ana, status: 'absent' }]),
      classRegister(f, 'eng1A', d1(), [{ studentId: s.cy, status: 'excused' }]),
      classRegister(f, 'math1B', d1(), [{ studentId: s.dan, status: 'absent' }]),
      dailyRegister(f.section1AId, d1(), [{ studentId: s.ana, status: 'absent' }]),
      dailyRegister(f.section1BId, d1(), [{ studentId: s.eve, status: 'late' }]),
    ]) {
      const res = await put(f.c.admin, body);
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  const rates = async (c: HostClient, query: string) => {
    const res = await c.get(`/api/attendance/reports/rates?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Record<string, unknown>[];
  };

  it('gives exact rates per student', async () => {
    expect(await rates(f.c.admin, 'groupBy=student')).toEqual([
      {
        id: f.students.bo,
        name: 'Bo Adams',
        present: 3,
        absent: 0,
        late: 1,
        excused: 0,
        total: 4,
        ratePercent: 100,
      },
      {
        id: f.students.cy,
        name: 'Cy Brook',
        present: 3,
        absent: 0,
        late: 0,
        excused: 1,
        total: 4,
        ratePercent: 75,
      },
      {
        id: f.students.dan,
        name: 'Dan Cole',
        present: 1,
        absent: 1,
        late: 0,
        excused: 0,
        total: 2,
        ratePercent: 50,
      },
      {
        id: f.students.eve,
        name: 'Eve Dale',
        present: 1,
        absent: 0,
        late: 1,
        excused: 0,
        total: 2,
        ratePercent: 100,
      },
      {
        id: f.students.ana,
        name: 'Ana Zamora',
        present: 1,
        absent: 3,
        late: 0,
        excused: 0,
        total: 4,
        ratePercent: 25,
      },
    ]);
    expect(await rates(f.c.staff, `groupBy=student&classId=${f.classes.math1A}`)).toMatchObject([
      { name: 'Bo Adams', late: 1, present: 1, total: 2, ratePercent: 100 },
      { name: 'Cy Brook', present: 2, total: 2, ratePercent: 100 },
      { name: 'Ana Zamora', absent: 2, total: 2, ratePercent: 0 },
    ]);
  });

  it('gives exact rates per class, section and school', async () => {
    expect(await rates(f.c.admin, 'groupBy=class')).toEqual([
      {
        id: f.classes.eng1A,
        name: 'English 1A',
        present: 2,
        absent: 0,
        late: 0,
        excused: 1,
        total: 3,
        ratePercent: 66.67,
      },
      {
        id: f.classes.math1A,
        name: 'Mathematics 1A',
        present: 3,
        absent: 2,
        late: 1,
        excused: 0,
        total: 6,
        ratePercent: 66.67,
      },
      {
        id: f.classes.math1B,
        name: 'Mathematics 1B',
        present: 1,
        absent: 1,
        late: 0,
        excused: 0,
        total: 2,
        ratePercent: 50,
      },
    ]);
    expect(await rates(f.c.admin, 'groupBy=section')).toEqual([
      {
        id: f.section1AId,
        name: '1A',
        present: 2,
        absent: 1,
        late: 0,
        excused: 0,
        total: 3,
        ratePercent: 66.67,
      },
      {
        id: f.section1BId,
        name: '1B',
        present: 1,
        absent: 0,
        late: 1,
        excused: 0,
        total: 2,
        ratePercent: 100,
      },
    ]);
    expect(await rates(f.c.admin, 'groupBy=school')).toEqual([
      {
        id: f.school.id,
        name: f.school.name,
        present: 9,
        absent: 4,
        late: 2,
        excused: 1,
        total: 16,
        ratePercent: 68.75,
      },
    ]);
    expect(await rates(f.c.admin, `groupBy=class&from=${d2()}&to=${d2()}`)).toMatchObject([
      { id: f.classes.math1A, total: 3, absent: 1, ratePercent: 66.67 },
    ]);
    expect(
      await rates(
        f.c.admin,
        `groupBy=school&from=${addDays(f.today, -50)}&to=${addDays(f.today, -40)}`,
      ),
    ).toMatchObject([{ total: 0, ratePercent: null }]);
    const backwards = await f.c.admin.get(
      `/api/attendance/reports/rates?groupBy=class&from=${d2()}&to=${d1()}`,
    );
    expect(backwards.statusCode).toBe(400);
  });

  it('lists students below the threshold, worst first', async () => {
    const low = await f.c.admin.get('/api/attendance/reports/low');
    expect(low.statusCode, low.body).toBe(200);
    expect(low.json().threshold).toBe(90);
    expect(low.json().items).toEqual([
      {
        id: f.students.ana,
        name: 'Ana Zamora',
        admissionNumber: 'A-ana',
        present: 1,
        absent: 3,
        late: 0,
        excused: 0,
        total: 4,
        ratePercent: 25,
      },
      {
        id: f.students.dan,
        name: 'Dan Cole',
        admissionNumber: 'A-dan',
        present: 1,
        absent: 1,
        late: 0,
        excused: 0,
        total: 2,
        ratePercent: 50,
      },
      {
        id: f.students.cy,
        name: 'Cy Brook',
        admissionNumber: 'A-cy',
        present: 3,
        absent: 0,
        late: 0,
        excused: 1,
        total: 4,
        ratePercent: 75,
      },
    ]);
    const strict = await f.c.staff.get('/api/attendance/reports/low?threshold=60');
    expect(strict.json().items.map((i: { id: string }) => i.id)).toEqual([
      f.students.ana,
      f.students.dan,
    ]);
  });

  it("limits a teacher's reports to her own registers", async () => {
    expect(await rates(f.c.ben, 'groupBy=class')).toMatchObject([
      { id: f.classes.eng1A },
      { id: f.classes.math1B },
    ]);
    expect(await rates(f.c.ada, 'groupBy=section')).toMatchObject([{ id: f.section1AId }]);
    expect((await f.c.ben.get('/api/attendance/reports/rates?groupBy=school')).statusCode).toBe(
      403,
    );
    // In Ben's registers Cy was only excused (English) and Dan only absent (maths 1B).
    const benLow = await f.c.ben.get('/api/attendance/reports/low');
    expect(benLow.json().items).toMatchObject([
      { id: f.students.cy, total: 1, excused: 1, ratePercent: 0 },
      { id: f.students.dan, total: 1, absent: 1, ratePercent: 0 },
    ]);
    expect((await f.c.pupil.get('/api/attendance/reports/rates?groupBy=student')).statusCode).toBe(
      403,
    );
    expect((await f.c.parent.get('/api/attendance/reports/low')).statusCode).toBe(403);
  });
});

describe('another school', () => {
  let a: TeachingFixture;
  let b: TeachingFixture;
  let registerId: string;
  let noteId: string;
  let unlockId: string;
  beforeAll(async () => {
    a = await createTeachingFixture(t, h.app);
    b = await createTeachingFixture(t, h.app);
    const saved = await put(
      a.c.admin,
      classRegister(a, 'math1A', a.today, [{ studentId: a.students.ana, status: 'absent' }]),
    );
    registerId = saved.json().register.id;
    noteId = (
      await a.c.parent.post('/api/attendance/absence-notes', {
        studentId: a.students.ana,
        startsOn: a.today,
        endsOn: a.today,
        reason: 'Dentist',
      })
    ).json().id;
    unlockId = (
      await a.c.admin.post('/api/attendance/unlocks', {
        staffId: a.adaId,
        startsOn: a.today,
        endsOn: a.today,
        reason: 'x',
      })
    ).json().id;
  });

  it("answers 404 for school A's class, section, register, student, note and unlock", async () => {
    const get = await b.c.admin.get(
      `/api/attendance/register?classId=${a.classes.math1A}&date=${a.today}`,
    );
    expect(get.statusCode).toBe(404);
    expect(get.json().error.code).toBe('CLASS_NOT_FOUND');
    const section = await b.c.admin.get(
      `/api/attendance/register?sectionId=${a.section1AId}&date=${a.today}`,
    );
    expect(section.json().error.code).toBe('SECTION_NOT_FOUND');
    const write = await put(b.c.admin, classRegister(a, 'math1A', a.today, []));
    expect(write.statusCode).toBe(404);
    expect(
      (await b.c.admin.get(`/api/attendance/registers/${registerId}/history`)).statusCode,
    ).toBe(404);
    expect((await b.c.admin.get(`/api/attendance/students/${a.students.ana}`)).statusCode).toBe(
      404,
    );
    expect(
      (await b.c.admin.post(`/api/attendance/absence-notes/${noteId}/accept`, {})).statusCode,
    ).toBe(404);
    expect(
      (await b.c.parent.post(`/api/attendance/absence-notes/${noteId}/withdraw`)).statusCode,
    ).toBe(404);
    expect((await b.c.admin.delete(`/api/attendance/unlocks/${unlockId}`)).statusCode).toBe(404);
    expect(await count('attendance_registers where school_id = $1', [b.school.id])).toBe(0);
  });

  it("refuses school A's students on school B's registers and ids as references", async () => {
    const res = await put(
      b.c.admin,
      classRegister(b, 'math1A', b.today, [{ studentId: a.students.ana, status: 'absent' }]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NOT_ON_ROSTER');
    const unlock = await b.c.admin.post('/api/attendance/unlocks', {
      staffId: a.adaId,
      startsOn: b.today,
      endsOn: b.today,
      reason: 'x',
    });
    expect(unlock.statusCode).toBe(400);
    const note = await b.c.parent.post('/api/attendance/absence-notes', {
      studentId: a.students.ana,
      startsOn: b.today,
      endsOn: b.today,
      reason: 'x',
    });
    expect(note.statusCode).toBe(404);
  });

  it("never lists school A's rows", async () => {
    expect((await b.c.admin.get('/api/attendance/absence-notes')).json().items).toEqual([]);
    expect((await b.c.admin.get('/api/attendance/unlocks')).json().items).toEqual([]);
    const students = await b.c.admin.get('/api/attendance/reports/rates?groupBy=student');
    expect(students.json().items).toEqual([]);
    const school = await b.c.admin.get('/api/attendance/reports/rates?groupBy=school');
    expect(school.json().items).toEqual([
      {
        id: b.school.id,
        name: b.school.name,
        present: 0,
        absent: 0,
        late: 0,
        excused: 0,
        total: 0,
        ratePercent: null,
      },
    ]);
    expect((await b.c.admin.get('/api/attendance/reports/low?threshold=100')).json().items).toEqual(
      [],
    );
    const view = await b.c.admin.get(
      `/api/attendance/register?classId=${b.classes.math1A}&date=${b.today}`,
    );
    expect(view.json().register).toBeNull();
    expect(view.json().roster.map((r: { studentId: string }) => r.studentId)).not.toContain(
      a.students.ana,
    );
  });
});

describe('the API description', () => {
  it('lists every attendance endpoint', async () => {
    const f = await createTeachingFixture(t, h.app);
    const res = await f.c.admin.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/attendance/register'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
    for (const [path, method] of [
      ['/api/attendance/registers/{id}/history', 'get'],
      ['/api/attendance/mine', 'get'],
      ['/api/attendance/settings', 'patch'],
      ['/api/attendance/unlocks', 'post'],
      ['/api/attendance/unlocks/{id}', 'delete'],
      ['/api/attendance/students/{studentId}', 'get'],
      ['/api/attendance/reports/rates', 'get'],
      ['/api/attendance/reports/low', 'get'],
      ['/api/attendance/absence-notes', 'post'],
      ['/api/attendance/absence-notes/{id}/accept', 'post'],
      ['/api/attendance/absence-notes/{id}/reject', 'post'],
      ['/api/attendance/absence-notes/{id}/withdraw', 'post'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
