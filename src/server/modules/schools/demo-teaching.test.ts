import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from '../../platform/db/ids.js';
import { schoolToday } from '../enrollment/school-date.js';
import { insertUser } from '../users/users.repository.js';
import { seedDemoRecords } from './demo-records.js';
import { DEMO_ACCOUNTS, demoEmail } from './demo-seed.js';
import { planWeek, type WeeklyLesson } from './demo-teaching.js';

let t: TestDatabase;
const school = { en: '', ar: '' };

/** Seeds one school the way demo-seed does: the demo accounts, then the demo records. */
async function seedDemoSchool(locale: 'en' | 'ar', now?: Date): Promise<string> {
  const row = await createSchool(t.db, { locale });
  await t.db.withTenant(row.id, async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      await insertUser(tx, {
        schoolId: row.id,
        id: newId(),
        email: demoEmail(account.local, row.slug),
        name: account.name,
        status: 'active',
        roles: [...account.roles],
      });
    }
    await seedDemoRecords(
      tx,
      row.id,
      row.slug,
      locale,
      {
        teacherEmail: demoEmail('teacher', row.slug),
        teacher2Email: demoEmail('teacher2', row.slug),
        staffEmail: demoEmail('staff', row.slug),
        studentEmail: demoEmail('student', row.slug),
        guardianEmail: demoEmail('guardian', row.slug),
      },
      'UTC',
      now,
    );
  });
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  school.en = await seedDemoSchool('en');
  school.ar = await seedDemoSchool('ar');
});
afterAll(async () => {
  await t.close();
});

function addDays(date: string, offset: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

async function rows<T>(text: string, schoolId: string): Promise<T[]> {
  return t.owner.query<T>(text, [schoolId]);
}
async function count(text: string, schoolId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(`select count(*)::int as n from ${text}`, schoolId);
  return row?.n ?? -1;
}

/** The term the demo's classes are in: Term 1 until Term 2 begins, then Term 2. */
async function termOne(schoolId: string): Promise<{ id: string; start: string; end: string }> {
  const [term] = await rows<{ id: string; start: string; end: string }>(
    `select t.id, t.starts_on::text as start, t.ends_on::text as end from terms t
      where t.school_id = $1
        and exists (select 1 from classes c where c.school_id = t.school_id and c.term_id = t.id)
      order by t.starts_on desc limit 1`,
    schoolId,
  );
  if (!term) throw new Error('no term');
  return term;
}

/** The school days the demo should have attendance for: weekdays of its term in the last 4 weeks. */
async function expectedSchoolDays(schoolId: string): Promise<string[]> {
  const term = await termOne(schoolId);
  const yesterday = addDays(schoolToday('UTC'), -1);
  const days: string[] = [];
  for (let i = 27; i >= 0; i--) {
    const day = addDays(yesterday, -i);
    if (isoWeekday(day) <= 5 && day >= term.start && day <= term.end) days.push(day);
  }
  return days;
}

async function userId(schoolId: string, local: string): Promise<string> {
  const [row] = await rows<{ id: string }>(
    `select id from users where school_id = $1 and email like '${local}@%'`,
    schoolId,
  );
  if (!row) throw new Error(`no ${local} account`);
  return row.id;
}

describe('planWeek', () => {
  it('places every lesson on distinct days with no teacher or group in two places at once', () => {
    const hours = [5, 5, 3, 3, 2, 2, 2, 2];
    const lessons: WeeklyLesson[] = [];
    for (let s = 0; s < 12; s++) {
      hours.forEach((h, subject) => {
        const teacher =
          subject === 0
            ? s < 6
              ? 0
              : 2
            : subject === 1
              ? s < 6
                ? 3
                : 1
              : 4 + ((subject + s) % 6);
        lessons.push({ id: `${s}-${subject}`, teacher: `T${teacher}`, group: `S${s}`, hours: h });
      });
    }
    const meetings = planWeek(lessons, 5, 6);
    expect(meetings).toHaveLength(lessons.reduce((sum, l) => sum + l.hours, 0));
    const taken = new Set<string>();
    const days = new Set<string>();
    for (const m of meetings) {
      const lesson = lessons.find((l) => l.id === m.id);
      expect(m.period).toBeGreaterThanOrEqual(0);
      expect(m.period).toBeLessThan(6);
      for (const who of [`t${lesson?.teacher}`, `g${lesson?.group}`]) {
        const slot = `${who}|${m.day}|${m.period}`;
        expect(taken.has(slot), slot).toBe(false);
        taken.add(slot);
      }
      expect(days.has(`${m.id}|${m.day}`)).toBe(false);
      days.add(`${m.id}|${m.day}`);
    }
  });

  it('refuses a week that cannot hold a teacher’s lessons', () => {
    const lessons = Array.from({ length: 7 }, (_, i) => ({
      id: `c${i}`,
      teacher: 'busy',
      group: `g${i}`,
      hours: 5,
    }));
    expect(() => planWeek(lessons, 5, 6)).toThrow(/no weekly timetable/);
  });
});

describe('the demo school’s teaching data', () => {
  it('has six periods and a timetable for its term without clashes in which every class meets', async () => {
    const id = school.en;
    expect(await count(`periods where school_id = $1`, id)).toBe(6);
    for (const column of ['teacher_id', 'room_id', 'section_id', 'class_id']) {
      const clashes = await rows(
        `select term_id, day, period_id, ${column} from timetable_entries
          where school_id = $1 and ${column} is not null
          group by term_id, day, period_id, ${column} having count(*) > 1`,
        id,
      );
      expect(clashes, column).toEqual([]);
    }
    expect(
      await count(
        `classes c where c.school_id = $1 and not exists (select 1 from timetable_entries e
          where e.school_id = c.school_id and e.class_id = c.id)`,
        id,
      ),
    ).toBe(0);
    // Entries carry the class's teacher and section, and mathematics meets five times a week.
    expect(
      await count(
        `timetable_entries e join classes c on c.school_id = e.school_id and c.id = e.class_id
          join class_teachers ct on ct.school_id = c.school_id and ct.class_id = c.id
          where e.school_id = $1 and (e.teacher_id <> ct.staff_id or e.section_id <> c.section_id)`,
        id,
      ),
    ).toBe(0);
    const perSubject = await rows<{ code: string; n: number }>(
      `select s.code, (count(*) / count(distinct c.id))::int as n from timetable_entries e
        join classes c on c.school_id = e.school_id and c.id = e.class_id
        join subjects s on s.school_id = c.school_id and s.id = c.subject_id
        where e.school_id = $1 group by s.code order by s.code`,
      id,
    );
    expect(Object.fromEntries(perSubject.map((r) => [r.code, r.n]))).toEqual({
      ARAB: 3,
      ART: 2,
      ENG: 5,
      GEO: 2,
      HIST: 2,
      MATH: 5,
      PE: 2,
      SCI: 3,
    });
  });

  it('gives the demo teacher lessons on every weekday, today included', async () => {
    const id = school.en;
    const teacher = await userId(id, 'teacher');
    const byDay = await rows<{ day: number; n: number }>(
      `select e.day, count(*)::int as n from timetable_entries e
        join users u on u.school_id = e.school_id and u.linked_staff_id = e.teacher_id
        where e.school_id = $1 and u.id = '${teacher}' group by e.day order by e.day`,
      id,
    );
    expect(byDay.map((r) => r.day)).toEqual([1, 2, 3, 4, 5]);
    const today = isoWeekday(schoolToday('UTC'));
    if (today <= 5) expect(byDay.find((r) => r.day === today)?.n).toBeGreaterThan(0);
  });

  it('has daily registers for every section on each school day of the last four weeks, none today', async () => {
    const id = school.en;
    const days = await expectedSchoolDays(id);
    const registered = await rows<{ date: string; n: number }>(
      `select date::text as date, count(*)::int as n from attendance_registers
        where school_id = $1 and kind = 'daily' group by date order by date`,
      id,
    );
    expect(registered.map((r) => r.date)).toEqual(days);
    expect(registered.every((r) => r.n === 12)).toBe(true);
    expect(
      await count(
        `attendance_registers where school_id = $1 and date >= '${schoolToday('UTC')}'`,
        id,
      ),
    ).toBe(0);
    // Every enrolled student has a mark in each daily register of her section.
    expect(
      await count(
        `attendance_marks m join attendance_registers r on r.school_id = m.school_id
        and r.id = m.register_id where m.school_id = $1 and r.kind = 'daily'`,
        id,
      ),
    ).toBe(300 * days.length);
    if (days.length >= 10) {
      // Some students fall below the 90% threshold.
      const low = await rows(
        `select m.student_id from attendance_marks m
          join attendance_registers r on r.school_id = m.school_id and r.id = m.register_id
          where m.school_id = $1 and r.kind = 'daily' group by m.student_id
          having avg(case when m.status in ('present', 'late') then 1.0 else 0 end) < 0.9`,
        id,
      );
      expect(low.length).toBeGreaterThanOrEqual(3);
      expect(low.length).toBeLessThan(30);
    }
    const [settings] = await rows<{ edit_window_days: number; threshold: string }>(
      `select edit_window_days, low_attendance_threshold::text as threshold
        from attendance_settings where school_id = $1`,
      id,
    );
    expect(settings).toEqual({ edit_window_days: 1, threshold: '90.00' });
  });

  it('has class registers for the demo teachers’ lessons, consistent with the daily register', async () => {
    const id = school.en;
    const days = await expectedSchoolDays(id);
    const teachers = [await userId(id, 'teacher'), await userId(id, 'teacher2')];
    const takers = await rows<{ taken_by: string; n: number }>(
      `select taken_by, count(*)::int as n from attendance_registers
        where school_id = $1 and kind = 'class' group by taken_by order by taken_by`,
      id,
    );
    // Each demo teacher teaches six lessons a day.
    expect(takers).toEqual(
      days.length === 0
        ? []
        : [...teachers].sort().map((taken_by) => ({ taken_by, n: 6 * days.length })),
    );
    expect(
      await count(
        `attendance_marks cm
          join attendance_registers cr on cr.school_id = cm.school_id and cr.id = cm.register_id
          join attendance_marks dm on dm.school_id = cm.school_id and dm.student_id = cm.student_id
            and dm.date = cm.date
          join attendance_registers dr on dr.school_id = dm.school_id and dr.id = dm.register_id
          where cm.school_id = $1 and cr.kind = 'class' and dr.kind = 'daily'
            and dm.status in ('absent', 'excused') and cm.status <> dm.status`,
        id,
      ),
    ).toBe(0);
    if (days.length >= 10) {
      expect(await count(`attendance_mark_history where school_id = $1`, id)).toBeGreaterThan(4);
    }
  });

  it('has an accepted and a pending absence note from Lina’s guardian', async () => {
    const id = school.en;
    const days = await expectedSchoolDays(id);
    const guardian = await userId(id, 'guardian');
    const notes = await rows<{ status: string; starts: string; ends: string; by: string }>(
      `select n.status, n.starts_on::text as starts, n.ends_on::text as ends, n.submitted_by as by
        from absence_notes n join students s on s.school_id = n.school_id and s.id = n.student_id
        where n.school_id = $1 and s.admission_number = 'A1001' order by n.starts_on`,
      id,
    );
    if (days.length < 2) return expect(notes.length).toBeLessThanOrEqual(1);
    expect(notes.map((n) => [n.status, n.by])).toEqual([
      ['accepted', guardian],
      ['pending', guardian],
    ]);
    const [accepted, pending] = notes;
    // The accepted note excused her marks; the pending day is still an absence.
    const marks = await rows<{ date: string; status: string }>(
      `select distinct m.date::text as date, m.status from attendance_marks m
        join students s on s.school_id = m.school_id and s.id = m.student_id
        where m.school_id = $1 and s.admission_number = 'A1001' and m.status <> 'present'
        order by 1`,
      id,
    );
    expect(marks).toEqual([
      ...days
        .filter((d) => accepted && d >= accepted.starts && d <= accepted.ends)
        .map((date) => ({ date, status: 'excused' })),
      { date: pending?.starts, status: 'absent' },
    ]);
  });

  it('has a gradebook where every enrolled student has scores within the maximum', async () => {
    const id = school.en;
    const today = schoolToday('UTC');
    const term = await termOne(id);
    expect(await count(`grading_scales where school_id = $1 and is_default`, id)).toBe(1);
    expect(
      await count(`gradebook_settings where school_id = $1 and not missing_counts_as_zero`, id),
    ).toBe(1);
    const categories = await rows<{ name: string; weight: string; n: number }>(
      `select name, weight::text as weight, count(*)::int as n from assessment_categories
        where school_id = $1 group by name, weight order by weight desc`,
      id,
    );
    expect(categories).toEqual([
      { name: 'Tests', weight: '50.00', n: 96 },
      { name: 'Homework', weight: '30.00', n: 96 },
      { name: 'Participation', weight: '20.00', n: 96 },
    ]);
    expect(
      await count(`assessments where school_id = $1 and published <> (due_on <= '${today}')`, id),
    ).toBe(0);
    if (addDays(today, -1) < term.start) return;
    const perClass = await rows<{ n: number }>(
      `select count(*)::int as n from assessments where school_id = $1 group by class_id`,
      id,
    );
    expect(perClass).toHaveLength(96);
    expect(perClass.every((r) => r.n >= 4 && r.n <= 6)).toBe(true);
    expect(
      await count(
        `class_enrollments ce where ce.school_id = $1 and not exists (
          select 1 from scores s join assessments a on a.school_id = s.school_id
            and a.id = s.assessment_id
          where s.school_id = ce.school_id and a.class_id = ce.class_id
            and s.student_id = ce.student_id and s.status = 'scored')`,
        id,
      ),
    ).toBe(0);
    expect(
      await count(
        `scores s join assessments a on a.school_id = s.school_id and a.id = s.assessment_id
          where s.school_id = $1 and (s.points > a.max_score or not a.published)`,
        id,
      ),
    ).toBe(0);
    const statuses = await rows<{ status: string }>(
      `select distinct status from scores where school_id = $1 order by status`,
      id,
    );
    expect(statuses.map((r) => r.status)).toEqual(['excused', 'missing', 'scored']);
    // Class averages differ from student to student.
    const spread = await rows<{ lo: string; hi: string }>(
      `select min(p)::text as lo, max(p)::text as hi from (
        select avg(s.points / a.max_score) as p from scores s
          join assessments a on a.school_id = s.school_id and a.id = s.assessment_id
          where s.school_id = $1 and s.status = 'scored' group by s.student_id) x`,
      id,
    );
    expect(Number(spread[0]?.hi) - Number(spread[0]?.lo)).toBeGreaterThan(0.2);
  });

  it('has report-card comments by the demo teacher for her homeroom and her classes', async () => {
    const id = school.en;
    const teacher = await userId(id, 'teacher');
    const comments = await rows<{ author_id: string; class_id: string | null; lina: boolean }>(
      `select c.author_id, c.class_id, s.admission_number = 'A1001' as lina
        from report_card_comments c join students s on s.school_id = c.school_id
          and s.id = c.student_id where c.school_id = $1`,
      id,
    );
    expect(comments.length).toBeGreaterThan(5);
    expect(comments.every((c) => c.author_id === teacher)).toBe(true);
    expect(comments.some((c) => c.lina && c.class_id === null)).toBe(true);
    expect(comments.some((c) => c.lina && c.class_id !== null)).toBe(true);
    expect(await count(`report_card_publications where school_id = $1`, id)).toBe(0);
  });

  it('names periods, categories and the grading scale in Arabic in an Arabic school', async () => {
    const id = school.ar;
    const periods = await rows<{ name: string }>(
      `select name from periods where school_id = $1 order by sort_order`,
      id,
    );
    expect(periods.map((p) => p.name)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `الحصة ${n}`));
    const categories = await rows<{ name: string }>(
      `select distinct name from assessment_categories where school_id = $1 order by name`,
      id,
    );
    expect(categories.map((c) => c.name).sort()).toEqual(
      ['الاختبارات', 'الواجبات', 'المشاركة'].sort(),
    );
    const [scale] = await rows<{ bands: { label: string; minPercent: number }[] }>(
      `select bands from grading_scales where school_id = $1 and is_default`,
      id,
    );
    expect(scale?.bands.map((b) => b.minPercent)).toEqual([90, 80, 70, 60, 0]);
    expect(scale?.bands[0]?.label).toBe('ممتاز');
    expect(await count(`timetable_entries where school_id = $1`, id)).toBe(288);
  });
});

describe('a demo seeded in the spring', () => {
  it('puts the classes, timetable, attendance and assessments in Term 2', async () => {
    const march = new Date(Date.UTC(new Date().getUTCFullYear(), 2, 18, 10));
    const id = await seedDemoSchool('en', march);
    const term = await termOne(id);
    const [named] = await t.owner.query<{ name: string }>(
      'select name from terms where school_id = $1 and id = $2',
      [id, term.id],
    );
    expect(named?.name).toBe('Term 2');
    expect(term.start.slice(5)).toBe('01-05');
    const entries = await count(
      'timetable_entries e where e.school_id = $1 and e.term_id = (select t.id from terms t where t.school_id = $1 and t.name = $$Term 2$$)',
      id,
    );
    expect(entries).toBeGreaterThan(0);
    const [span] = await rows<{ first: string; last: string }>(
      'select min(date)::text as first, max(date)::text as last from attendance_registers where school_id = $1',
      id,
    );
    const day = schoolToday('UTC', march);
    expect(span?.last).toBe(addDays(day, -1));
    expect((span?.first ?? '') >= term.start).toBe(true);
    expect(await count('assessments where school_id = $1', id)).toBeGreaterThan(0);
  });
});
