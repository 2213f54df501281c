import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AttendanceStatus } from '../../../shared/contracts/attendance.js';
import type { Tx } from '../../platform/db/database.js';
import {
  academicYears,
  classes,
  classTeachers,
  gradeLevels,
  sections,
  terms,
} from '../academics/academics.table.js';
import { classEnrollments, sectionEnrollments } from '../enrollment/enrollment.table.js';
import { staff, students } from '../people/people.table.js';
import { periods, timetableEntries } from '../timetable/timetable.table.js';
import {
  attendanceMarkHistory,
  attendanceMarks,
  attendanceRegisters,
  attendanceSettings,
  attendanceUnlocks,
} from './attendance.table.js';

// The queries behind registers, marks, their history, the settings and unlocks. Rules live in
// the services; reports and absence notes have repositories of their own.

export type RegisterRow = typeof attendanceRegisters.$inferSelect;
export type MarkRow = typeof attendanceMarks.$inferSelect;
export type HistoryRow = typeof attendanceMarkHistory.$inferSelect;
export type UnlockRow = typeof attendanceUnlocks.$inferSelect;

export interface ClassInfo {
  id: string;
  name: string;
  termId: string;
  termStartsOn: string;
  termEndsOn: string;
}

export interface SectionInfo {
  id: string;
  name: string;
  gradeLevelName: string;
  homeroomTeacherId: string | null;
}

export interface PeriodInfo {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
}

export interface RosterStudent {
  studentId: string;
  firstName: string;
  lastName: string;
  admissionNumber: string;
}

const rosterColumns = {
  studentId: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  admissionNumber: students.admissionNumber,
};
const rosterOrder = [asc(students.lastName), asc(students.firstName), asc(students.id)];

export async function findClassInfo(tx: Tx, id: string): Promise<ClassInfo | null> {
  const rows = await tx
    .select({
      id: classes.id,
      name: classes.name,
      termId: classes.termId,
      termStartsOn: terms.startsOn,
      termEndsOn: terms.endsOn,
    })
    .from(classes)
    .innerJoin(terms, and(eq(terms.schoolId, classes.schoolId), eq(terms.id, classes.termId)))
    .where(eq(classes.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function findSectionInfo(tx: Tx, id: string): Promise<SectionInfo | null> {
  const rows = await tx
    .select({
      id: sections.id,
      name: sections.name,
      gradeLevelName: gradeLevels.name,
      homeroomTeacherId: sections.homeroomTeacherId,
    })
    .from(sections)
    .innerJoin(
      gradeLevels,
      and(eq(gradeLevels.schoolId, sections.schoolId), eq(gradeLevels.id, sections.gradeLevelId)),
    )
    .where(eq(sections.id, id))
    .limit(1);
  return rows[0] ?? null;
}

const periodColumns = {
  id: periods.id,
  name: periods.name,
  startsAt: sql<string>`to_char(${periods.startsAt}, 'HH24:MI')`,
  endsAt: sql<string>`to_char(${periods.endsAt}, 'HH24:MI')`,
};

export async function findPeriod(tx: Tx, id: string): Promise<PeriodInfo | null> {
  const rows = await tx.select(periodColumns).from(periods).where(eq(periods.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function teachesClass(tx: Tx, classId: string, staffId: string): Promise<boolean> {
  const rows = await tx
    .select({ classId: classTeachers.classId })
    .from(classTeachers)
    .where(and(eq(classTeachers.classId, classId), eq(classTeachers.staffId, staffId)))
    .limit(1);
  return rows.length === 1;
}

/** The periods the class meets in on a weekday of its term, from the timetable. */
export async function classPeriodsOn(
  tx: Tx,
  classId: string,
  termId: string,
  day: number,
): Promise<string[]> {
  const rows = await tx
    .select({ periodId: timetableEntries.periodId })
    .from(timetableEntries)
    .where(
      and(
        eq(timetableEntries.classId, classId),
        eq(timetableEntries.termId, termId),
        eq(timetableEntries.day, day),
      ),
    );
  return rows.map((r) => r.periodId);
}

export interface SettingsRow {
  editWindowDays: number;
  lowAttendanceThreshold: number;
  updatedAt: Date | null;
}

/** The school's settings; a school without a row has the defaults. */
export async function readSettings(tx: Tx): Promise<SettingsRow> {
  const rows = await tx.select().from(attendanceSettings).limit(1);
  const row = rows[0];
  if (!row) return { editWindowDays: 0, lowAttendanceThreshold: 90, updatedAt: null };
  return {
    editWindowDays: row.editWindowDays,
    lowAttendanceThreshold: Number(row.lowAttendanceThreshold),
    updatedAt: row.updatedAt,
  };
}

export async function writeSettings(
  tx: Tx,
  schoolId: string,
  values: { editWindowDays: number; lowAttendanceThreshold: number },
): Promise<SettingsRow> {
  const threshold = values.lowAttendanceThreshold.toFixed(2);
  const rows = await tx
    .insert(attendanceSettings)
    .values({
      schoolId,
      editWindowDays: values.editWindowDays,
      lowAttendanceThreshold: threshold,
    })
    .onConflictDoUpdate({
      target: attendanceSettings.schoolId,
      set: {
        editWindowDays: values.editWindowDays,
        lowAttendanceThreshold: threshold,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('upsert into attendance_settings returned no row');
  return {
    editWindowDays: row.editWindowDays,
    lowAttendanceThreshold: Number(row.lowAttendanceThreshold),
    updatedAt: row.updatedAt,
  };
}

/** Serialises settings changes per school (the row may not exist yet to lock). */
export async function lockSettings(tx: Tx, schoolId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`attendance-settings:${schoolId}`}, 0))`,
  );
}

export async function hasActiveUnlock(tx: Tx, staffId: string, date: string): Promise<boolean> {
  const rows = await tx
    .select({ id: attendanceUnlocks.id })
    .from(attendanceUnlocks)
    .where(
      and(
        eq(attendanceUnlocks.staffId, staffId),
        lte(attendanceUnlocks.startsOn, date),
        gte(attendanceUnlocks.endsOn, date),
        gt(attendanceUnlocks.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// Registers

export type RegisterTarget =
  | { kind: 'class'; classId: string; periodId: string | null; date: string }
  | { kind: 'daily'; sectionId: string; date: string };

function targetCondition(target: RegisterTarget): SQL {
  if (target.kind === 'daily') {
    return and(
      eq(attendanceRegisters.kind, 'daily'),
      eq(attendanceRegisters.sectionId, target.sectionId),
      eq(attendanceRegisters.date, target.date),
    ) as SQL;
  }
  return and(
    eq(attendanceRegisters.kind, 'class'),
    eq(attendanceRegisters.classId, target.classId),
    eq(attendanceRegisters.date, target.date),
    target.periodId === null
      ? isNull(attendanceRegisters.periodId)
      : eq(attendanceRegisters.periodId, target.periodId),
  ) as SQL;
}

export async function findRegisterFor(
  tx: Tx,
  target: RegisterTarget,
  lock?: 'update',
): Promise<RegisterRow | null> {
  const query = tx.select().from(attendanceRegisters).where(targetCondition(target)).limit(1);
  const rows = lock ? await query.for(lock) : await query;
  return rows[0] ?? null;
}

export async function findRegister(tx: Tx, id: string): Promise<RegisterRow | null> {
  const rows = await tx
    .select()
    .from(attendanceRegisters)
    .where(eq(attendanceRegisters.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Creates the register unless one exists for the same target; the unique indexes decide, so
 * two first saves at once make one register. Returns null when it already existed.
 */
export async function insertRegisterIfAbsent(
  tx: Tx,
  row: typeof attendanceRegisters.$inferInsert,
): Promise<RegisterRow | null> {
  const rows = await tx.insert(attendanceRegisters).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function touchRegister(
  tx: Tx,
  id: string,
  by: { userId: string | null; name: string },
): Promise<RegisterRow> {
  const rows = await tx
    .update(attendanceRegisters)
    .set({ updatedBy: by.userId, updatedByName: by.name, updatedAt: sql`now()` })
    .where(eq(attendanceRegisters.id, id))
    .returning();
  const row = rows[0];
  if (!row) throw new Error('update of attendance_registers returned no row');
  return row;
}

/** Students enrolled in the class on the date (by their class enrollments), by name. */
export async function classRoster(tx: Tx, classId: string, date: string): Promise<RosterStudent[]> {
  return tx
    .select(rosterColumns)
    .from(students)
    .where(
      and(
        eq(students.status, 'enrolled'),
        sql`exists (select 1 from ${classEnrollments} ce
          where ce.school_id = ${students.schoolId} and ce.student_id = ${students.id}
            and ce.class_id = ${classId} and ce.starts_on <= ${date}
            and (ce.ends_on is null or ce.ends_on >= ${date}))`,
      ),
    )
    .orderBy(...rosterOrder);
}

/**
 * Students in the section for the academic year containing the date: their section enrollment
 * for that year, or (for a student without one that year) their current section.
 */
export async function sectionRoster(
  tx: Tx,
  sectionId: string,
  date: string,
): Promise<RosterStudent[]> {
  const yearEnrollment = (sectionMatch: SQL) => sql`exists (
    select 1 from ${sectionEnrollments} se
      join ${academicYears} y on y.school_id = se.school_id and y.id = se.academic_year_id
     where se.school_id = ${students.schoolId} and se.student_id = ${students.id}
       and y.starts_on <= ${date} and y.ends_on >= ${date} ${sectionMatch})`;
  return tx
    .select(rosterColumns)
    .from(students)
    .where(
      and(
        eq(students.status, 'enrolled'),
        or(
          yearEnrollment(sql`and se.section_id = ${sectionId}`),
          and(eq(students.sectionId, sectionId), sql`not ${yearEnrollment(sql``)}`),
        ),
      ),
    )
    .orderBy(...rosterOrder);
}

export async function studentsByIds(tx: Tx, ids: string[]): Promise<RosterStudent[]> {
  if (ids.length === 0) return [];
  return tx
    .select(rosterColumns)
    .from(students)
    .where(inArray(students.id, ids))
    .orderBy(...rosterOrder);
}

export async function listMarks(tx: Tx, registerId: string, lock?: 'update'): Promise<MarkRow[]> {
  const query = tx
    .select()
    .from(attendanceMarks)
    .where(eq(attendanceMarks.registerId, registerId))
    .orderBy(asc(attendanceMarks.studentId));
  return lock ? query.for(lock) : query;
}

/** Inserts new marks and overwrites changed ones, in one statement. */
export async function upsertMarks(
  tx: Tx,
  rows: (typeof attendanceMarks.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(attendanceMarks)
    .values(rows)
    .onConflictDoUpdate({
      target: [attendanceMarks.schoolId, attendanceMarks.registerId, attendanceMarks.studentId],
      set: {
        status: sql`excluded.status`,
        note: sql`excluded.note`,
        updatedBy: sql`excluded.updated_by`,
        updatedByName: sql`excluded.updated_by_name`,
        updatedAt: sql`now()`,
      },
    });
}

export async function insertHistory(
  tx: Tx,
  rows: (typeof attendanceMarkHistory.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(attendanceMarkHistory).values(rows);
}

export interface MarkWithStudent extends MarkRow {
  firstName: string;
  lastName: string;
}

export async function listMarksWithStudents(
  tx: Tx,
  registerId: string,
  studentId?: string,
): Promise<MarkWithStudent[]> {
  const rows = await tx
    .select({ mark: attendanceMarks, firstName: students.firstName, lastName: students.lastName })
    .from(attendanceMarks)
    .innerJoin(
      students,
      and(
        eq(students.schoolId, attendanceMarks.schoolId),
        eq(students.id, attendanceMarks.studentId),
      ),
    )
    .where(
      and(
        eq(attendanceMarks.registerId, registerId),
        studentId ? eq(attendanceMarks.studentId, studentId) : undefined,
      ),
    )
    .orderBy(...rosterOrder);
  return rows.map((r) => ({ ...r.mark, firstName: r.firstName, lastName: r.lastName }));
}

export async function listHistory(
  tx: Tx,
  registerId: string,
  studentId?: string,
): Promise<HistoryRow[]> {
  return tx
    .select()
    .from(attendanceMarkHistory)
    .where(
      and(
        eq(attendanceMarkHistory.registerId, registerId),
        studentId ? eq(attendanceMarkHistory.studentId, studentId) : undefined,
      ),
    )
    .orderBy(asc(attendanceMarkHistory.changedAt), asc(attendanceMarkHistory.id));
}

// ---------------------------------------------------------------------------------------------
// A teacher's day

export interface TeachingSlot {
  classId: string;
  className: string;
  period: PeriodInfo;
}

/**
 * The teacher's lessons on a weekday in the term containing the date: entries she is the
 * teacher of, or entries without a teacher in classes she teaches. Earliest first.
 */
export async function teachingSlotsOn(
  tx: Tx,
  staffId: string,
  date: string,
  day: number,
): Promise<TeachingSlot[]> {
  const rows = await tx
    .select({ classId: classes.id, className: classes.name, period: periodColumns })
    .from(timetableEntries)
    .innerJoin(
      terms,
      and(eq(terms.schoolId, timetableEntries.schoolId), eq(terms.id, timetableEntries.termId)),
    )
    .innerJoin(
      classes,
      and(
        eq(classes.schoolId, timetableEntries.schoolId),
        eq(classes.id, timetableEntries.classId),
      ),
    )
    .innerJoin(
      periods,
      and(
        eq(periods.schoolId, timetableEntries.schoolId),
        eq(periods.id, timetableEntries.periodId),
      ),
    )
    .where(
      and(
        eq(timetableEntries.day, day),
        lte(terms.startsOn, date),
        gte(terms.endsOn, date),
        or(
          eq(timetableEntries.teacherId, staffId),
          and(
            isNull(timetableEntries.teacherId),
            sql`exists (select 1 from ${classTeachers} ct
              where ct.school_id = ${timetableEntries.schoolId}
                and ct.class_id = ${timetableEntries.classId} and ct.staff_id = ${staffId})`,
          ),
        ),
      ),
    )
    .orderBy(asc(periods.startsAt), asc(periods.sortOrder), asc(classes.name), asc(classes.id));
  return rows;
}

export async function homeroomSections(
  tx: Tx,
  staffId: string,
): Promise<{ id: string; name: string; gradeLevelName: string }[]> {
  return tx
    .select({ id: sections.id, name: sections.name, gradeLevelName: gradeLevels.name })
    .from(sections)
    .innerJoin(
      gradeLevels,
      and(eq(gradeLevels.schoolId, sections.schoolId), eq(gradeLevels.id, sections.gradeLevelId)),
    )
    .where(eq(sections.homeroomTeacherId, staffId))
    .orderBy(asc(gradeLevels.sortOrder), asc(sections.name), asc(sections.id));
}

export interface RegisterCountsRow {
  id: string;
  kind: 'daily' | 'class';
  classId: string | null;
  sectionId: string | null;
  periodId: string | null;
  present: number;
  absent: number;
  late: number;
  excused: number;
}

const countOf = (status: AttendanceStatus) =>
  sql<number>`(count(${attendanceMarks.studentId}) filter (where ${attendanceMarks.status} = ${status}))::int`;

/** Registers on the date for these classes and sections, with their marks counted. */
export async function registersOn(
  tx: Tx,
  date: string,
  classIds: string[],
  sectionIds: string[],
): Promise<RegisterCountsRow[]> {
  const owners: SQL[] = [];
  if (classIds.length > 0) owners.push(inArray(attendanceRegisters.classId, classIds));
  if (sectionIds.length > 0) owners.push(inArray(attendanceRegisters.sectionId, sectionIds));
  if (owners.length === 0) return [];
  return tx
    .select({
      id: attendanceRegisters.id,
      kind: attendanceRegisters.kind,
      classId: attendanceRegisters.classId,
      sectionId: attendanceRegisters.sectionId,
      periodId: attendanceRegisters.periodId,
      present: countOf('present'),
      absent: countOf('absent'),
      late: countOf('late'),
      excused: countOf('excused'),
    })
    .from(attendanceRegisters)
    .leftJoin(
      attendanceMarks,
      and(
        eq(attendanceMarks.schoolId, attendanceRegisters.schoolId),
        eq(attendanceMarks.registerId, attendanceRegisters.id),
      ),
    )
    .where(and(eq(attendanceRegisters.date, date), or(...owners)))
    .groupBy(attendanceRegisters.schoolId, attendanceRegisters.id);
}

// ---------------------------------------------------------------------------------------------
// Unlocks

export interface UnlockWithStaff extends UnlockRow {
  staffFirstName: string;
  staffLastName: string;
}

export async function listUnlocks(
  tx: Tx,
  filter: { staffId?: string; active?: boolean; beforeId?: string; limit: number },
): Promise<UnlockWithStaff[]> {
  const rows = await tx
    .select({
      unlock: attendanceUnlocks,
      staffFirstName: staff.firstName,
      staffLastName: staff.lastName,
    })
    .from(attendanceUnlocks)
    .innerJoin(
      staff,
      and(eq(staff.schoolId, attendanceUnlocks.schoolId), eq(staff.id, attendanceUnlocks.staffId)),
    )
    .where(
      and(
        filter.staffId ? eq(attendanceUnlocks.staffId, filter.staffId) : undefined,
        filter.active === true ? gt(attendanceUnlocks.expiresAt, sql`now()`) : undefined,
        filter.active === false ? lte(attendanceUnlocks.expiresAt, sql`now()`) : undefined,
        filter.beforeId ? sql`${attendanceUnlocks.id} < ${filter.beforeId}` : undefined,
      ),
    )
    .orderBy(sql`${attendanceUnlocks.id} desc`)
    .limit(filter.limit + 1);
  return rows.map((r) => ({
    ...r.unlock,
    staffFirstName: r.staffFirstName,
    staffLastName: r.staffLastName,
  }));
}

export async function findStaffName(
  tx: Tx,
  id: string,
): Promise<{ firstName: string; lastName: string } | null> {
  const rows = await tx
    .select({ firstName: staff.firstName, lastName: staff.lastName })
    .from(staff)
    .where(eq(staff.id, id))
    .for('key share')
    .limit(1);
  return rows[0] ?? null;
}

export async function insertUnlock(
  tx: Tx,
  row: typeof attendanceUnlocks.$inferInsert,
): Promise<UnlockRow> {
  const rows = await tx.insert(attendanceUnlocks).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into attendance_unlocks returned no row');
  return inserted;
}

export async function deleteUnlock(tx: Tx, id: string): Promise<UnlockRow | null> {
  const rows = await tx.delete(attendanceUnlocks).where(eq(attendanceUnlocks.id, id)).returning();
  return rows[0] ?? null;
}
