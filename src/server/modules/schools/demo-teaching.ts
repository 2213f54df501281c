import { and, asc, desc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database.js';
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
import {
  absenceNotes,
  attendanceMarkHistory,
  attendanceMarks,
  attendanceRegisters,
  attendanceSettings,
  type AttendanceStatus,
} from '../attendance/attendance.table.js';
import { classEnrollments } from '../enrollment/enrollment.table.js';
import { addDays, atSchoolTime, isoWeekday, schoolToday } from '../enrollment/school-date.js';
import {
  assessmentCategories,
  assessments,
  gradebookSettings,
  gradingScales,
  scores,
  type ScoreStatus,
} from '../gradebook/gradebook.table.js';
import { studentGuardians, students } from '../people/people.table.js';
import { reportCardComments } from '../report-cards/report-cards.table.js';
import { periods, timetableEntries } from '../timetable/timetable.table.js';
import { users } from '../users/users.table.js';

// The teaching side of a demo school, added to the records demo-records.ts creates: periods
// and a clash-free Term 1 timetable, four weeks of attendance up to yesterday (today is left
// for the visitor to take), a gradebook with a term of assessments and scores, two absence
// notes from the demo guardian and a few report-card comments. Rows are written directly in
// big multi-row inserts, so a school costs a few dozen statements.

const DAYS = 5;
const PERIOD_TIMES: [string, string][] = [
  ['08:00', '08:45'],
  ['08:50', '09:35'],
  ['09:40', '10:25'],
  ['10:45', '11:30'],
  ['11:35', '12:20'],
  ['12:25', '13:10'],
];
/** Weekly lessons per subject: 24 of the 30 slots, so every teacher fits into the week. */
const WEEKLY_HOURS: Record<string, number> = {
  MATH: 5,
  ENG: 5,
  SCI: 3,
  ARAB: 3,
  HIST: 2,
  GEO: 2,
  ART: 2,
  PE: 2,
};
const ATTENDANCE_WEEKS = 4;
const CHRONIC_ABSENTEES = 6;

const CATEGORIES = [
  { en: 'Tests', ar: 'الاختبارات', weight: '50' },
  { en: 'Homework', ar: 'الواجبات', weight: '30' },
  { en: 'Participation', ar: 'المشاركة', weight: '20' },
] as const;

/** Past assessments, due at a fraction of the term so far; `optional` ones some classes skip. */
const PAST_ASSESSMENTS = [
  { category: 1, en: 'Homework 1', ar: 'الواجب 1', max: 10, at: 0.15, optional: false },
  { category: 0, en: 'Quiz 1', ar: 'اختبار قصير 1', max: 20, at: 0.35, optional: false },
  { category: 1, en: 'Homework 2', ar: 'الواجب 2', max: 10, at: 0.55, optional: true },
  { category: 2, en: 'Participation', ar: 'المشاركة الصفية', max: 10, at: 0.75, optional: false },
  { category: 0, en: 'Unit test', ar: 'اختبار الوحدة', max: 50, at: 0.95, optional: false },
] as const;
const FUTURE_ASSESSMENT = {
  category: 0,
  en: 'End-of-term test',
  ar: 'اختبار نهاية الفصل',
  max: 100,
};

const TEXT = {
  en: {
    period: (n: number) => `Period ${n}`,
    office: 'School office',
    scale: 'Standard (A–F)',
    bands: ['A', 'B', 'C', 'D', 'F'],
    arrivedLate: 'Arrived after the register was taken',
    noteAccepted: 'Absence note accepted',
    acceptedReason: 'A high temperature: stayed at home to recover.',
    acceptedComment: 'Thank you for letting us know. Get well soon!',
    pendingReason: 'Doctor’s appointment in the morning.',
    homeroom: [
      (name: string) =>
        `${name} is a thoughtful, hard-working member of the class and a kind friend to others.`,
      (name: string) =>
        `${name} has had a steady term and is growing in confidence; keep up the reading at home.`,
      (name: string) =>
        `${name} can do more; regular attendance and homework handed in on time will make a real difference.`,
    ],
    subject: [
      'Excellent work this term: careful answers and methods explained clearly.',
      'Good progress this term; a little more practice will build speed and accuracy.',
      'Some topics are still difficult; short daily practice at home is recommended.',
    ],
  },
  ar: {
    period: (n: number) => `الحصة ${n}`,
    office: 'إدارة المدرسة',
    scale: 'سلم التقديرات',
    bands: ['ممتاز', 'جيد جدًا', 'جيد', 'مقبول', 'راسب'],
    arrivedLate: 'الوصول بعد أخذ الحضور',
    noteAccepted: 'قُبل عذر الغياب',
    acceptedReason: 'ارتفاع في درجة الحرارة والبقاء في المنزل للراحة.',
    acceptedComment: 'شكرًا لإبلاغنا، مع تمنياتنا بالشفاء العاجل.',
    pendingReason: 'موعد عند الطبيب في الصباح.',
    homeroom: [
      () => 'أداء متميز والتزام واضح في الصف، مع تعامل لطيف مع الزملاء.',
      () => 'فصل دراسي مستقر وثقة متزايدة بالنفس؛ ننصح بمواصلة القراءة في المنزل.',
      () =>
        'القدرة على التحسن كبيرة؛ الانتظام في الحضور وتسليم الواجبات في موعدها سيحدثان فرقًا واضحًا.',
    ],
    subject: [
      'عمل ممتاز هذا الفصل: إجابات متأنية وشرح واضح لطرق الحل.',
      'تقدم جيد هذا الفصل؛ مزيد من التدريب سيحسن السرعة والدقة.',
      'بعض الموضوعات ما زالت صعبة؛ يُنصح بتدريب قصير في المنزل كل يوم.',
    ],
  },
} as const;

// ---------------------------------------------------------------------------------------------
// The weekly plan

export interface WeeklyLesson {
  /** The class. */
  id: string;
  teacher: string | null;
  /** The section taught: it can attend one lesson at a time. */
  group: string;
  /** Meetings per week, at most one a day. */
  hours: number;
}

export interface WeeklyMeeting {
  id: string;
  /** 0 = Monday. */
  day: number;
  /** 0 = the first period. */
  period: number;
}

/** Subsets of `count` days out of `days`, spread out first (fewest back-to-back days). */
function dayPatterns(days: number, count: number): number[][] {
  const all: number[][] = [];
  const walk = (from: number, picked: number[]) => {
    if (picked.length === count) {
      all.push(picked);
      return;
    }
    for (let d = from; d < days; d++) walk(d + 1, [...picked, d]);
  };
  walk(0, []);
  const adjacent = (p: number[]) => p.filter((d, i) => i > 0 && p[i - 1] === d - 1).length;
  return all.sort((a, b) => adjacent(a) - adjacent(b));
}

/**
 * Places every lesson in the week so that no teacher and no group is in two places at once.
 * First each lesson gets its days (a search keeping every teacher and group at most
 * `periodsPerDay` lessons a day); then each day is a bipartite graph of teachers and groups
 * whose maximum degree is at most `periodsPerDay`, which König's theorem says can always be
 * edge-coloured with that many periods: colour greedily, and when the free periods of the two
 * ends differ, swap the two periods along the alternating path to make one free at both.
 */
export function planWeek(
  lessons: readonly WeeklyLesson[],
  days: number,
  periodsPerDay: number,
): WeeklyMeeting[] {
  const teacherOf = (l: WeeklyLesson, i: number) => `t:${l.teacher ?? `#${i}`}`;
  const weekly = new Map<string, number>();
  lessons.forEach((l, i) => {
    if (l.hours > days) throw new Error(`lesson ${l.id} meets more often than there are days`);
    weekly.set(teacherOf(l, i), (weekly.get(teacherOf(l, i)) ?? 0) + l.hours);
    weekly.set(`g:${l.group}`, (weekly.get(`g:${l.group}`) ?? 0) + l.hours);
  });
  const order = lessons
    .map((lesson, index) => ({ lesson, t: teacherOf(lesson, index), g: `g:${lesson.group}` }))
    .filter((x) => x.lesson.hours > 0)
    .sort(
      (a, b) => b.lesson.hours - a.lesson.hours || (weekly.get(b.t) ?? 0) - (weekly.get(a.t) ?? 0),
    );

  const load = new Map<string, number[]>();
  const loadOf = (node: string) => {
    let row = load.get(node);
    if (!row) load.set(node, (row = new Array<number>(days).fill(0)));
    return row;
  };
  const patterns = new Map<number, number[][]>();
  const chosen: number[][] = new Array<number[]>(order.length);
  let steps = 0;
  const place = (i: number): boolean => {
    const item = order[i];
    if (!item) return true;
    if (++steps > 200_000) throw new Error('no weekly timetable found');
    const t = loadOf(item.t);
    const g = loadOf(item.g);
    let options = patterns.get(item.lesson.hours);
    if (!options) patterns.set(item.lesson.hours, (options = dayPatterns(days, item.lesson.hours)));
    const ranked = options
      .map((p, rank) => ({
        p,
        rank,
        cost: p.reduce((sum, d) => sum + 2 * (t[d] ?? 0) + (g[d] ?? 0), 0),
      }))
      .filter(({ p }) => p.every((d) => (t[d] ?? 0) < periodsPerDay && (g[d] ?? 0) < periodsPerDay))
      .sort((a, b) => a.cost - b.cost || a.rank - b.rank);
    for (const { p } of ranked) {
      for (const d of p) {
        t[d] = (t[d] ?? 0) + 1;
        g[d] = (g[d] ?? 0) + 1;
      }
      chosen[i] = p;
      if (place(i + 1)) return true;
      for (const d of p) {
        t[d] = (t[d] ?? 0) - 1;
        g[d] = (g[d] ?? 0) - 1;
      }
    }
    return false;
  };
  if (!place(0)) throw new Error('no weekly timetable found');

  const meetings: WeeklyMeeting[] = [];
  for (let day = 0; day < days; day++) {
    const edges = order
      .filter((_, i) => chosen[i]?.includes(day))
      .map((x) => ({ id: x.lesson.id, u: x.t, v: x.g }));
    const colour: number[] = [];
    const slots = new Map<string, (number | undefined)[]>();
    const at = (node: string) => {
      let row = slots.get(node);
      if (!row) slots.set(node, (row = new Array<number | undefined>(periodsPerDay)));
      return row;
    };
    const freeAt = (node: string) => {
      const row = at(node);
      for (let c = 0; c < periodsPerDay; c++) if (row[c] === undefined) return c;
      throw new Error('more lessons in a day than periods');
    };
    edges.forEach((edge, k) => {
      const a = freeAt(edge.u);
      const b = freeAt(edge.v);
      if (at(edge.v)[a] !== undefined) {
        // The a/b path from v never reaches u (u has no a-edge and the graph is bipartite).
        const path: number[] = [];
        let node = edge.v;
        let c = a;
        for (let next = at(node)[c]; next !== undefined; next = at(node)[c]) {
          path.push(next);
          const e = edges[next];
          if (!e) break;
          node = e.u === node ? e.v : e.u;
          c = c === a ? b : a;
        }
        for (const p of path) {
          const e = edges[p];
          const old = colour[p];
          if (e && old !== undefined) at(e.u)[old] = at(e.v)[old] = undefined;
        }
        for (const p of path) {
          const e = edges[p];
          const swapped = colour[p] === a ? b : a;
          colour[p] = swapped;
          if (e) at(e.u)[swapped] = at(e.v)[swapped] = p;
        }
      }
      colour[k] = a;
      at(edge.u)[a] = at(edge.v)[a] = k;
    });
    edges.forEach((edge, k) => meetings.push({ id: edge.id, day, period: colour[k] ?? 0 }));
  }
  return meetings;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Inserts rows with one statement per table, far quicker than thousands of placeholders (above
 * all on PGlite): each column travels as one array parameter that `unnest` turns back into
 * rows. A column with the same value in every row is sent once, and one with few distinct
 * values as that short list plus an index per row, which is much less to serialise and parse.
 */
async function insertAll<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const varying: SQL[] = [];
  const aliases: SQL[] = [];
  const selected = Object.keys(first).map((key, i) => {
    const column = columns[key];
    if (!column) throw new Error(`no column ${key}`);
    const type = sql.raw(column.getSQLType());
    const values = rows.map((row) => {
      const value = (row as Record<string, unknown>)[key];
      return value instanceof Date ? value.toISOString() : (value ?? null);
    });
    const distinct = [...new Set(values)];
    if (distinct.length === 1) return sql`${sql.param(distinct[0])}::${type}`;
    const alias = sql`${sql.identifier(`c${i}`)}`;
    aliases.push(alias);
    if (distinct.length * 4 > values.length) {
      varying.push(sql`${sql.param(values)}::${type}[]`);
      return alias;
    }
    const index = new Map(distinct.map((v, n) => [v, n + 1]));
    varying.push(sql`${sql.param(values.map((v) => index.get(v)))}::int[]`);
    return sql`(${sql.param(distinct)}::${type}[])[${alias}]`;
  });
  const source =
    varying.length === 0
      ? sql`generate_series(1, ${rows.length})`
      : sql`unnest(${sql.join(varying, sql`, `)}) as u(${sql.join(aliases, sql`, `)})`;
  await tx.execute(
    sql`insert into ${table} (${sql.join(
      Object.keys(first).map((key) => sql.identifier(columns[key]?.name ?? key)),
      sql`, `,
    )}) select ${sql.join(selected, sql`, `)} from ${source}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The seed

export interface DemoTeachingOptions {
  locale: 'en' | 'ar';
  /** The demo's seeded generator, so every fresh start shows the same school. */
  random: () => number;
  /** The school's time zone: "today" and the times of day are the school's. */
  timeZone?: string;
  now?: Date;
}

export interface DemoTeachingSummary {
  periods: number;
  timetableEntries: number;
  schoolDays: number;
  registers: number;
  marks: number;
  markHistory: number;
  absenceNotes: number;
  categories: number;
  assessments: number;
  scores: number;
  comments: number;
}

interface Who {
  id: string | null;
  name: string;
}

/** Must run inside withTenant(schoolId), after the school's records exist. */
export async function seedDemoTeaching(
  tx: Tx,
  schoolId: string,
  options: DemoTeachingOptions,
): Promise<DemoTeachingSummary> {
  const { random, locale } = options;
  const text = TEXT[locale];
  const timeZone = options.timeZone ?? 'UTC';
  const now = options.now ?? new Date();
  const today = schoolToday(timeZone, now);
  const past = (d: Date) => (d.getTime() > now.getTime() ? now : d);
  const summary: DemoTeachingSummary = {
    periods: 0,
    timetableEntries: 0,
    schoolDays: 0,
    registers: 0,
    marks: 0,
    markHistory: 0,
    absenceNotes: 0,
    categories: 0,
    assessments: 0,
    scores: 0,
    comments: 0,
  };

  // --- What the records seed made ------------------------------------------------------------
  const [term] = await tx
    .select({ id: terms.id, startsOn: terms.startsOn, endsOn: terms.endsOn })
    .from(terms)
    .innerJoin(
      academicYears,
      and(eq(academicYears.schoolId, terms.schoolId), eq(academicYears.id, terms.academicYearId)),
    )
    // The term the records seed put the classes in (Term 1 until Term 2 begins).
    .where(
      and(
        eq(terms.schoolId, schoolId),
        eq(academicYears.isCurrent, true),
        sql`exists (select 1 from ${classes} c where c.school_id = ${terms.schoolId} and c.term_id = ${terms.id})`,
      ),
    )
    .orderBy(desc(terms.startsOn))
    .limit(1);
  if (!term) return summary;

  const classRows = await tx
    .select({
      id: classes.id,
      sectionId: classes.sectionId,
      roomId: classes.roomId,
      code: subjects.code,
      teacherId: classTeachers.staffId,
    })
    .from(classes)
    .innerJoin(
      subjects,
      and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
    )
    .leftJoin(
      classTeachers,
      and(eq(classTeachers.schoolId, classes.schoolId), eq(classTeachers.classId, classes.id)),
    )
    .where(and(eq(classes.schoolId, schoolId), eq(classes.termId, term.id)))
    .orderBy(asc(classes.id), asc(classTeachers.staffId));
  const classList: typeof classRows = [];
  for (const row of classRows) if (classList.at(-1)?.id !== row.id) classList.push(row);

  const sectionList = await tx
    .select({ id: sections.id, homeroomTeacherId: sections.homeroomTeacherId })
    .from(sections)
    .innerJoin(
      gradeLevels,
      and(eq(gradeLevels.schoolId, sections.schoolId), eq(gradeLevels.id, sections.gradeLevelId)),
    )
    .where(eq(sections.schoolId, schoolId))
    .orderBy(asc(gradeLevels.sortOrder), asc(sections.name));
  const studentList = await tx
    .select({
      id: students.id,
      sectionId: students.sectionId,
      firstName: students.firstName,
    })
    .from(students)
    .where(and(eq(students.schoolId, schoolId), eq(students.status, 'enrolled')))
    .orderBy(asc(students.admissionNumber));
  const enrollmentRows = await tx
    .select({ classId: classEnrollments.classId, studentId: classEnrollments.studentId })
    .from(classEnrollments)
    .where(and(eq(classEnrollments.schoolId, schoolId), isNull(classEnrollments.endsOn)))
    .orderBy(asc(classEnrollments.id));
  const accounts = await tx
    .select({
      id: users.id,
      name: users.name,
      roles: users.roles,
      linkedStaffId: users.linkedStaffId,
      linkedStudentId: users.linkedStudentId,
      linkedGuardianId: users.linkedGuardianId,
    })
    .from(users)
    .where(and(eq(users.schoolId, schoolId), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt), asc(users.id));

  const admin = accounts.find((u) => u.roles.includes('admin'));
  const office: Who = admin ? { id: admin.id, name: admin.name } : { id: null, name: text.office };
  const teacherAccounts = new Map<string, Who>();
  for (const u of accounts) {
    if (u.linkedStaffId && u.roles.includes('teacher') && !teacherAccounts.has(u.linkedStaffId)) {
      teacherAccounts.set(u.linkedStaffId, { id: u.id, name: u.name });
    }
  }
  const whoTeaches = (staffId: string | null): Who =>
    (staffId && teacherAccounts.get(staffId)) || office;

  const studentsOf = new Map<string, string[]>();
  for (const s of studentList) {
    if (!s.sectionId) continue;
    const list = studentsOf.get(s.sectionId) ?? [];
    list.push(s.id);
    studentsOf.set(s.sectionId, list);
  }
  const rosterOf = new Map<string, string[]>();
  for (const e of enrollmentRows) {
    const list = rosterOf.get(e.classId) ?? [];
    list.push(e.studentId);
    rosterOf.set(e.classId, list);
  }
  const linaUser = accounts.find((u) => u.linkedStudentId);
  const lina =
    studentList.find((s) => s.id === linaUser?.linkedStudentId)?.id ?? studentList[0]?.id ?? null;

  // --- Periods and the Term 1 timetable ------------------------------------------------------
  const periodRows = PERIOD_TIMES.map(([startsAt, endsAt], i) => ({
    schoolId,
    id: newId(),
    name: text.period(i + 1),
    startsAt,
    endsAt,
    sortOrder: i + 1,
  }));
  await insertAll(tx, periods, periodRows);
  summary.periods = periodRows.length;

  const timetabled = classList.filter((c) => c.sectionId);
  const week = planWeek(
    timetabled.map((c) => ({
      id: c.id,
      teacher: c.teacherId,
      group: c.sectionId ?? c.id,
      hours: WEEKLY_HOURS[c.code] ?? 2,
    })),
    DAYS,
    periodRows.length,
  );
  const classById = new Map(classList.map((c) => [c.id, c]));
  const roomsInUse = new Set<string>();
  const entries = week.map((m) => {
    const cls = classById.get(m.id);
    const period = periodRows[m.period];
    if (!cls || !period) throw new Error('timetable plan out of range');
    // Rooms follow sections in the demo; a room already taken in the slot is left empty.
    const slot = `${m.day}:${m.period}:${cls.roomId}`;
    const roomId = cls.roomId && !roomsInUse.has(slot) ? cls.roomId : null;
    if (roomId) roomsInUse.add(slot);
    return {
      schoolId,
      id: newId(),
      termId: term.id,
      classId: cls.id,
      day: m.day + 1,
      periodId: period.id,
      roomId,
      teacherId: cls.teacherId,
      sectionId: cls.sectionId,
    };
  });
  await insertAll(tx, timetableEntries, entries);
  summary.timetableEntries = entries.length;

  // --- Attendance ----------------------------------------------------------------------------
  await tx
    .insert(attendanceSettings)
    .values({ schoolId, editWindowDays: 1, lowAttendanceThreshold: '90' })
    .onConflictDoUpdate({
      target: attendanceSettings.schoolId,
      set: { editWindowDays: 1, lowAttendanceThreshold: '90' },
    });

  const yesterday = addDays(today, -1);
  const schoolDays: string[] = [];
  for (let i = ATTENDANCE_WEEKS * 7 - 1; i >= 0; i--) {
    const day = addDays(yesterday, -i);
    if (isoWeekday(day) <= DAYS && day >= term.startsOn && day <= term.endsOn) schoolDays.push(day);
  }
  summary.schoolDays = schoolDays.length;

  // Lina's two absences: an accepted note some days back and a pending one for the last day.
  const n = schoolDays.length;
  const excusedDays = n >= 3 ? schoolDays.slice(Math.max(0, n - 8), Math.max(0, n - 8) + 2) : [];
  if (n === 2 && schoolDays[0]) excusedDays.push(schoolDays[0]);
  const pendingDay = n >= 1 ? schoolDays[n - 1] : undefined;

  const chronic = new Set<string>();
  const candidates = studentList.filter((s) => s.id !== lina);
  while (chronic.size < Math.min(CHRONIC_ABSENTEES, candidates.length)) {
    const s = candidates[Math.floor(random() * candidates.length)];
    if (s) chronic.add(s.id);
  }

  const dailyStatus = new Map<string, AttendanceStatus>();
  const key = (studentId: string, day: string) => `${studentId}|${day}`;
  for (const s of studentList) {
    const heavy = chronic.has(s.id);
    for (const day of schoolDays) {
      let status: AttendanceStatus = 'present';
      if (s.id === lina) {
        if (excusedDays.includes(day) || day === pendingDay) status = 'absent';
      } else {
        const r = random();
        if (r < (heavy ? 0.2 : 0.015)) status = 'absent';
        else if (r < (heavy ? 0.27 : 0.05)) status = 'late';
        else if (r < (heavy ? 0.29 : 0.058)) status = 'excused';
      }
      dailyStatus.set(key(s.id, day), status);
    }
  }

  const registers: (typeof attendanceRegisters.$inferInsert)[] = [];
  const marks: (typeof attendanceMarks.$inferInsert)[] = [];
  const history: (typeof attendanceMarkHistory.$inferInsert)[] = [];
  const dailyRegisters = new Map<string, typeof attendanceRegisters.$inferInsert>();

  for (const day of schoolDays) {
    for (const section of sectionList) {
      const roster = studentsOf.get(section.id) ?? [];
      if (roster.length === 0) continue;
      const who = whoTeaches(section.homeroomTeacherId);
      const takenAt = past(atSchoolTime(day, '08:05', timeZone));
      const register = {
        schoolId,
        id: newId(),
        kind: 'daily' as const,
        date: day,
        sectionId: section.id,
        classId: null,
        periodId: null,
        takenBy: who.id,
        takenByName: who.name,
        takenAt,
        updatedBy: who.id,
        updatedByName: who.name,
        updatedAt: takenAt,
      };
      registers.push(register);
      dailyRegisters.set(register.id, register);
      for (const studentId of roster) {
        const mark = {
          schoolId,
          registerId: register.id,
          studentId,
          date: day,
          status: dailyStatus.get(key(studentId, day)) ?? 'present',
          note: null,
          updatedBy: who.id,
          updatedByName: who.name,
          updatedAt: takenAt,
        };
        marks.push(mark);
      }
    }
  }

  // A few students came in after the register was taken: absent corrected to late.
  const absentMarks = marks.filter(
    (m) => m.status === 'absent' && m.studentId !== lina && !chronic.has(m.studentId),
  );
  for (let i = 0; i < 4 && absentMarks.length > 0; i++) {
    const [mark] = absentMarks.splice(Math.floor(random() * absentMarks.length), 1);
    const register = mark && dailyRegisters.get(mark.registerId);
    if (!mark || !register) continue;
    const changedAt = past(new Date((register.takenAt?.getTime() ?? 0) + 50 * 60_000));
    history.push({
      schoolId,
      id: newId(),
      registerId: mark.registerId,
      studentId: mark.studentId,
      previousStatus: 'absent',
      newStatus: 'late',
      reason: text.arrivedLate,
      changedBy: register.takenBy,
      changedByName: register.takenByName,
      changedAt,
    });
    mark.status = 'late';
    mark.updatedAt = register.updatedAt = changedAt;
    dailyStatus.set(key(mark.studentId, mark.date), 'late');
  }

  // Class registers for the periods taught by teachers with an account.
  const periodIndex = new Map(periodRows.map((p, i) => [p.id, i]));
  for (const day of schoolDays) {
    const iso = isoWeekday(day);
    for (const entry of entries) {
      const teacher = entry.teacherId ? teacherAccounts.get(entry.teacherId) : undefined;
      if (entry.day !== iso || !teacher) continue;
      const index = periodIndex.get(entry.periodId) ?? 0;
      const start = atSchoolTime(day, PERIOD_TIMES[index]?.[0] ?? '08:00', timeZone);
      const takenAt = past(new Date(start.getTime() + 5 * 60_000));
      const register = {
        schoolId,
        id: newId(),
        kind: 'class' as const,
        date: day,
        sectionId: null,
        classId: entry.classId,
        periodId: entry.periodId,
        takenBy: teacher.id,
        takenByName: teacher.name,
        takenAt,
        updatedBy: teacher.id,
        updatedByName: teacher.name,
        updatedAt: takenAt,
      };
      registers.push(register);
      for (const studentId of rosterOf.get(entry.classId) ?? []) {
        const daily = dailyStatus.get(key(studentId, day)) ?? 'present';
        let status: AttendanceStatus =
          daily === 'late' ? (index === 0 ? 'late' : 'present') : daily;
        if (status === 'present' && studentId !== lina && random() < 0.01) status = 'late';
        const mark = {
          schoolId,
          registerId: register.id,
          studentId,
          date: day,
          status,
          note: null,
          updatedBy: teacher.id,
          updatedByName: teacher.name,
          updatedAt: register.takenAt,
        };
        marks.push(mark);
      }
    }
  }

  // Lina's notes: the accepted one excused her absences (each change kept in the history).
  const linaGuardians = lina
    ? await tx
        .select({ guardianId: studentGuardians.guardianId })
        .from(studentGuardians)
        .where(and(eq(studentGuardians.schoolId, schoolId), eq(studentGuardians.studentId, lina)))
        .orderBy(asc(studentGuardians.guardianId))
    : [];
  const guardianUser = accounts.find(
    (u) => u.linkedGuardianId && linaGuardians.some((g) => g.guardianId === u.linkedGuardianId),
  );
  const guardianId = guardianUser?.linkedGuardianId ?? linaGuardians[0]?.guardianId ?? null;
  const notes: (typeof absenceNotes.$inferInsert)[] = [];
  const firstExcused = excusedDays[0];
  const lastExcused = excusedDays.at(-1);
  if (lina && guardianId && firstExcused && lastExcused) {
    const createdAt = past(atSchoolTime(firstExcused, '19:30', timeZone));
    const reviewedAt = past(atSchoolTime(addDays(lastExcused, 1), '09:15', timeZone));
    notes.push({
      schoolId,
      id: newId(),
      studentId: lina,
      guardianId,
      submittedBy: guardianUser?.id ?? null,
      startsOn: firstExcused,
      endsOn: lastExcused,
      reason: text.acceptedReason,
      status: 'accepted',
      reviewedBy: office.id,
      reviewedByName: office.name,
      reviewedAt,
      reviewComment: text.acceptedComment,
      createdAt,
      updatedAt: reviewedAt,
    });
    for (const mark of marks) {
      if (mark.studentId !== lina || !excusedDays.includes(mark.date)) continue;
      history.push({
        schoolId,
        id: newId(),
        registerId: mark.registerId,
        studentId: lina,
        previousStatus: 'absent',
        newStatus: 'excused',
        reason: text.noteAccepted,
        changedBy: office.id,
        changedByName: office.name,
        changedAt: reviewedAt,
      });
      mark.status = 'excused';
      mark.updatedBy = office.id;
      mark.updatedByName = office.name;
      mark.updatedAt = reviewedAt;
    }
  }
  if (lina && guardianId && pendingDay) {
    const createdAt = past(atSchoolTime(pendingDay, '18:40', timeZone));
    notes.push({
      schoolId,
      id: newId(),
      studentId: lina,
      guardianId,
      submittedBy: guardianUser?.id ?? null,
      startsOn: pendingDay,
      endsOn: pendingDay,
      reason: text.pendingReason,
      status: 'pending',
      createdAt,
      updatedAt: createdAt,
    });
  }

  await insertAll(tx, attendanceRegisters, registers);
  await insertAll(tx, attendanceMarks, marks);
  await insertAll(tx, attendanceMarkHistory, history);
  await insertAll(tx, absenceNotes, notes);
  summary.registers = registers.length;
  summary.marks = marks.length;
  summary.markHistory = history.length;
  summary.absenceNotes = notes.length;

  // --- Gradebook -----------------------------------------------------------------------------
  const bandMinimums = [90, 80, 70, 60, 0];
  await tx.insert(gradingScales).values({
    schoolId,
    id: newId(),
    name: text.scale,
    bands: text.bands.map((label, i) => ({ label, minPercent: bandMinimums[i] ?? 0 })),
    isDefault: true,
  });
  await tx
    .insert(gradebookSettings)
    .values({ schoolId, missingCountsAsZero: false })
    .onConflictDoUpdate({
      target: gradebookSettings.schoolId,
      set: { missingCountsAsZero: false },
    });

  // Assessments fall between the start of the term and yesterday (or the term's end).
  const spanStart = term.startsOn;
  const spanEnd = yesterday < term.endsOn ? yesterday : term.endsOn;
  const spanDays =
    spanEnd >= spanStart
      ? Math.round((Date.parse(spanEnd) - Date.parse(spanStart)) / 86_400_000)
      : -1;
  const futureDue = addDays(today, 14) <= term.endsOn ? addDays(today, 14) : null;

  const ability = new Map<string, number>();
  for (const s of studentList) {
    ability.set(s.id, s.id === lina ? 0.9 : clamp(0.78 + 0.11 * gaussian(random), 0.42, 0.99));
  }

  const categoryRows: (typeof assessmentCategories.$inferInsert)[] = [];
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const scoreRows: (typeof scores.$inferInsert)[] = [];
  // Per class and student: points earned and possible, to pick fitting comments.
  const results = new Map<string, { got: number; of: number }>();
  for (const cls of classList) {
    const categoryIds = CATEGORIES.map((c, i) => {
      const id = newId();
      categoryRows.push({
        schoolId,
        id,
        classId: cls.id,
        name: c[locale],
        weight: c.weight,
        sortOrder: i + 1,
      });
      return id;
    });
    const who = whoTeaches(cls.teacherId);
    const roster = rosterOf.get(cls.id) ?? [];
    const leniency = 0.05 * gaussian(random);
    const skipOptional = random() < 0.5;
    for (const template of spanDays >= 0 ? PAST_ASSESSMENTS : []) {
      if (template.optional && skipOptional) continue;
      let offset = Math.round(template.at * spanDays) + Math.floor(random() * 5) - 2;
      offset = clamp(offset, 0, spanDays);
      let dueOn = addDays(spanStart, offset);
      while (isoWeekday(dueOn) > DAYS && dueOn > spanStart) dueOn = addDays(dueOn, -1);
      const id = newId();
      const publishedAt = past(atSchoolTime(addDays(dueOn, 2), '16:00', timeZone));
      assessmentRows.push({
        schoolId,
        id,
        classId: cls.id,
        categoryId: categoryIds[template.category] ?? '',
        title: template[locale],
        maxScore: String(template.max),
        dueOn,
        published: true,
        publishedAt,
      });
      for (const studentId of roster) {
        const base = ability.get(studentId) ?? 0.75;
        const r = random();
        const missingRate =
          (template.category === 1 ? 0.04 : 0.01) * (chronic.has(studentId) ? 4 : 1);
        let status: ScoreStatus = 'scored';
        let points: string | null = null;
        if (studentId !== lina && r < missingRate) status = 'missing';
        else if (studentId !== lina && r < missingRate + 0.012) status = 'excused';
        else {
          const percent =
            template.category === 2
              ? clamp(base + 0.06 + 0.04 * gaussian(random), 0.4, 1)
              : clamp(base + leniency + 0.08 * gaussian(random), 0.15, 1);
          const value = Math.round(percent * template.max * 2) / 2;
          points = String(value);
          const sofar = results.get(`${cls.id}|${studentId}`) ?? { got: 0, of: 0 };
          results.set(`${cls.id}|${studentId}`, {
            got: sofar.got + value,
            of: sofar.of + template.max,
          });
        }
        scoreRows.push({
          schoolId,
          assessmentId: id,
          studentId,
          status,
          points,
          updatedBy: who.id,
          updatedByName: who.name,
          updatedAt: publishedAt,
        });
      }
    }
    if (futureDue) {
      assessmentRows.push({
        schoolId,
        id: newId(),
        classId: cls.id,
        categoryId: categoryIds[FUTURE_ASSESSMENT.category] ?? '',
        title: FUTURE_ASSESSMENT[locale],
        maxScore: String(FUTURE_ASSESSMENT.max),
        dueOn: futureDue,
        published: false,
        publishedAt: null,
      });
    }
  }
  await insertAll(tx, assessmentCategories, categoryRows);
  await insertAll(tx, assessments, assessmentRows);
  await insertAll(tx, scores, scoreRows);
  summary.categories = categoryRows.length;
  summary.assessments = assessmentRows.length;
  summary.scores = scoreRows.length;

  // --- Report-card comments by the first homeroom teacher with an account --------------------
  const homeroom = sectionList.find(
    (s) => s.homeroomTeacherId && teacherAccounts.has(s.homeroomTeacherId),
  );
  const author = homeroom?.homeroomTeacherId
    ? teacherAccounts.get(homeroom.homeroomTeacherId)
    : undefined;
  if (homeroom && author) {
    const band = (got: number, of: number) =>
      of === 0 || got / of >= 0.85 ? 0 : got / of >= 0.7 ? 1 : 2;
    const firstNames = new Map(studentList.map((s) => [s.id, s.firstName]));
    const comments: (typeof reportCardComments.$inferInsert)[] = [];
    const homeroomStudents = studentsOf.get(homeroom.id) ?? [];
    const picked = [
      ...(lina && homeroomStudents.includes(lina) ? [lina] : []),
      ...homeroomStudents.filter((id) => id !== lina),
    ].slice(0, 5);
    for (const studentId of picked) {
      let got = 0;
      let of = 0;
      for (const [k, v] of results) {
        if (!k.endsWith(`|${studentId}`)) continue;
        got += v.got;
        of += v.of;
      }
      const write = text.homeroom[band(got, of)] ?? text.homeroom[0];
      comments.push({
        schoolId,
        id: newId(),
        termId: term.id,
        studentId,
        classId: null,
        body: write(firstNames.get(studentId) ?? ''),
        authorId: author.id,
        authorName: author.name,
      });
    }
    for (const cls of classList.filter((c) => c.teacherId === homeroom.homeroomTeacherId)) {
      const roster = rosterOf.get(cls.id) ?? [];
      const chosenStudents = [
        ...(lina && roster.includes(lina) ? [lina] : []),
        ...roster.filter((id) => id !== lina),
      ].slice(0, 2);
      for (const studentId of chosenStudents) {
        const result = results.get(`${cls.id}|${studentId}`) ?? { got: 0, of: 0 };
        comments.push({
          schoolId,
          id: newId(),
          termId: term.id,
          studentId,
          classId: cls.id,
          body: text.subject[band(result.got, result.of)] ?? text.subject[0],
          authorId: author.id,
          authorName: author.name,
        });
      }
    }
    await insertAll(tx, reportCardComments, comments);
    summary.comments = comments.length;
  }
  return summary;
}
