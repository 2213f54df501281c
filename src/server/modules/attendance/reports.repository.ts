import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { RateSummary } from '../../../shared/contracts/attendance.js';
import type { Tx } from '../../platform/db/database.js';
import { classes, sections } from '../academics/academics.table.js';
import { students } from '../people/people.table.js';
import { periods } from '../timetable/timetable.table.js';
import { attendanceMarks, attendanceRegisters } from './attendance.table.js';

// Attendance figures, aggregated by the database: counts per status and the rate
// (present + late) / total × 100 rounded to two decimals, null when nothing was recorded.
// Date ranges filter the registers' (school_id, date) index; marks join on their primary key.

const statusCount = (status: string) =>
  sql<number>`(count(*) filter (where ${attendanceMarks.status} = ${status}))::int`;
const rateExpression = sql`round(100.0 * count(*) filter (where ${attendanceMarks.status} in ('present', 'late')) / nullif(count(*), 0), 2)`;

const figures = {
  present: statusCount('present'),
  absent: statusCount('absent'),
  late: statusCount('late'),
  excused: statusCount('excused'),
  total: sql<number>`count(*)::int`,
  rate: sql<string | null>`${rateExpression}`,
};

interface FigureRow {
  present: number;
  absent: number;
  late: number;
  excused: number;
  total: number;
  rate: string | null;
}

export function toSummary(row: FigureRow | undefined): RateSummary {
  if (!row) return { present: 0, absent: 0, late: 0, excused: 0, total: 0, ratePercent: null };
  return {
    present: row.present,
    absent: row.absent,
    late: row.late,
    excused: row.excused,
    total: row.total,
    ratePercent: row.rate === null ? null : Number(row.rate),
  };
}

const registerJoin = and(
  eq(attendanceRegisters.schoolId, attendanceMarks.schoolId),
  eq(attendanceRegisters.id, attendanceMarks.registerId),
);

function inRange(from: string, to: string): SQL {
  return and(gte(attendanceRegisters.date, from), lte(attendanceRegisters.date, to)) as SQL;
}

export interface RateFilter {
  from: string;
  to: string;
  classId?: string;
  sectionId?: string;
  /** Registers the reader may see (a teacher's); null for the whole school. */
  scope: SQL | null;
}

export interface NamedFigures extends FigureRow {
  id: string;
  name: string;
}

/** Per student, over every register in range (filtered to one class or section's registers). */
export async function ratesByStudent(tx: Tx, f: RateFilter): Promise<NamedFigures[]> {
  return tx
    .select({
      id: students.id,
      name: sql<string>`${students.firstName} || ' ' || ${students.lastName}`,
      ...figures,
    })
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .innerJoin(
      students,
      and(
        eq(students.schoolId, attendanceMarks.schoolId),
        eq(students.id, attendanceMarks.studentId),
      ),
    )
    .where(
      and(
        inRange(f.from, f.to),
        f.classId ? eq(attendanceRegisters.classId, f.classId) : undefined,
        f.sectionId ? eq(attendanceRegisters.sectionId, f.sectionId) : undefined,
        f.scope ?? undefined,
      ),
    )
    .groupBy(students.schoolId, students.id, students.firstName, students.lastName)
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
}

/** Per class, over the class registers in range. */
export async function ratesByClass(tx: Tx, f: RateFilter): Promise<NamedFigures[]> {
  return tx
    .select({ id: classes.id, name: classes.name, ...figures })
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .innerJoin(
      classes,
      and(
        eq(classes.schoolId, attendanceRegisters.schoolId),
        eq(classes.id, attendanceRegisters.classId),
      ),
    )
    .where(
      and(
        inRange(f.from, f.to),
        eq(attendanceRegisters.kind, 'class'),
        f.classId ? eq(attendanceRegisters.classId, f.classId) : undefined,
        f.sectionId ? eq(classes.sectionId, f.sectionId) : undefined,
        f.scope ?? undefined,
      ),
    )
    .groupBy(classes.schoolId, classes.id, classes.name)
    .orderBy(asc(classes.name), asc(classes.id));
}

/** Per section, over the sections' daily registers in range. */
export async function ratesBySection(tx: Tx, f: RateFilter): Promise<NamedFigures[]> {
  return tx
    .select({ id: sections.id, name: sections.name, ...figures })
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .innerJoin(
      sections,
      and(
        eq(sections.schoolId, attendanceRegisters.schoolId),
        eq(sections.id, attendanceRegisters.sectionId),
      ),
    )
    .where(
      and(
        inRange(f.from, f.to),
        eq(attendanceRegisters.kind, 'daily'),
        f.sectionId ? eq(attendanceRegisters.sectionId, f.sectionId) : undefined,
        f.scope ?? undefined,
      ),
    )
    .groupBy(sections.schoolId, sections.id, sections.name)
    .orderBy(asc(sections.name), asc(sections.id));
}

/** One row for the whole school: every register in range. */
export async function ratesForSchool(tx: Tx, f: RateFilter): Promise<FigureRow | undefined> {
  const rows = await tx
    .select(figures)
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .where(
      and(
        inRange(f.from, f.to),
        f.classId ? eq(attendanceRegisters.classId, f.classId) : undefined,
        f.sectionId ? eq(attendanceRegisters.sectionId, f.sectionId) : undefined,
        f.scope ?? undefined,
      ),
    );
  return rows[0];
}

export interface LowRow extends NamedFigures {
  admissionNumber: string;
}

/** Students whose rate over the range is below the threshold, worst first. */
export async function lowAttendance(
  tx: Tx,
  f: { from: string; to: string; threshold: number; scope: SQL | null },
): Promise<LowRow[]> {
  return tx
    .select({
      id: students.id,
      name: sql<string>`${students.firstName} || ' ' || ${students.lastName}`,
      admissionNumber: students.admissionNumber,
      ...figures,
    })
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .innerJoin(
      students,
      and(
        eq(students.schoolId, attendanceMarks.schoolId),
        eq(students.id, attendanceMarks.studentId),
      ),
    )
    .where(and(inRange(f.from, f.to), f.scope ?? undefined))
    .groupBy(
      students.schoolId,
      students.id,
      students.firstName,
      students.lastName,
      students.admissionNumber,
    )
    .having(sql`${rateExpression} < ${f.threshold}`)
    .orderBy(
      asc(rateExpression),
      asc(students.lastName),
      asc(students.firstName),
      asc(students.id),
    );
}

// ---------------------------------------------------------------------------------------------
// One student's marks

export interface StudentMarkRow {
  registerId: string;
  date: string;
  kind: 'daily' | 'class';
  className: string | null;
  sectionName: string | null;
  periodName: string | null;
  status: 'present' | 'absent' | 'late' | 'excused';
  note: string | null;
}

function studentMarksWhere(
  studentId: string,
  range: { from: string | null; to: string | null },
  scope: SQL | null,
): SQL | undefined {
  return and(
    eq(attendanceMarks.studentId, studentId),
    range.from ? gte(attendanceMarks.date, range.from) : undefined,
    range.to ? lte(attendanceMarks.date, range.to) : undefined,
    scope ?? undefined,
  );
}

export async function studentMarks(
  tx: Tx,
  studentId: string,
  range: { from: string | null; to: string | null },
  scope: SQL | null,
): Promise<StudentMarkRow[]> {
  return tx
    .select({
      registerId: attendanceMarks.registerId,
      date: attendanceMarks.date,
      kind: attendanceRegisters.kind,
      className: classes.name,
      sectionName: sections.name,
      periodName: periods.name,
      status: attendanceMarks.status,
      note: attendanceMarks.note,
    })
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .leftJoin(
      classes,
      and(
        eq(classes.schoolId, attendanceRegisters.schoolId),
        eq(classes.id, attendanceRegisters.classId),
      ),
    )
    .leftJoin(
      sections,
      and(
        eq(sections.schoolId, attendanceRegisters.schoolId),
        eq(sections.id, attendanceRegisters.sectionId),
      ),
    )
    .leftJoin(
      periods,
      and(
        eq(periods.schoolId, attendanceRegisters.schoolId),
        eq(periods.id, attendanceRegisters.periodId),
      ),
    )
    .where(studentMarksWhere(studentId, range, scope))
    .orderBy(
      desc(attendanceMarks.date),
      sql`${attendanceRegisters.kind} = 'class'`,
      asc(periods.startsAt),
      asc(classes.name),
      asc(attendanceMarks.registerId),
    );
}

export async function studentSummary(
  tx: Tx,
  studentId: string,
  range: { from: string | null; to: string | null },
  scope: SQL | null,
): Promise<RateSummary> {
  // A day off would otherwise count once for the homeroom register and again for every
  // lesson. So the summary counts days from the daily registers when the student has any in
  // the range (as report cards do), and only otherwise her lessons.
  const daily = await tx
    .select(figures)
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .where(and(studentMarksWhere(studentId, range, scope), eq(attendanceRegisters.kind, 'daily')));
  const byDay = toSummary(daily[0]);
  if (byDay.total > 0) return byDay;
  const rows = await tx
    .select(figures)
    .from(attendanceMarks)
    .innerJoin(attendanceRegisters, registerJoin)
    .where(studentMarksWhere(studentId, range, scope));
  return toSummary(rows[0]);
}
