import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database.js';
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
import { classEnrollments } from '../enrollment/enrollment.table.js';
import { staff, studentGuardians, students } from '../people/people.table.js';
import { periods, timetableEntries } from './timetable.table.js';

// Queries for periods and timetable entries. Every query runs under withTenant, so row-level
// security already limits it to the school; ids from other schools simply find nothing.

export type PeriodRow = typeof periods.$inferSelect;
export type EntryRow = typeof timetableEntries.$inferSelect;
export type NewEntryRow = typeof timetableEntries.$inferInsert;
export type TermRow = typeof terms.$inferSelect;

function first<T>(rows: T[]): T | null {
  return rows[0] ?? null;
}

function one<T>(rows: T[], table: string): T {
  const row = rows[0];
  if (!row) throw new Error(`write to ${table} returned no row`);
  return row;
}

const touched = { updatedAt: sql`now()` };

/** A transaction-scoped advisory lock on a name, released at commit or rollback. */
async function advisoryLock(tx: Tx, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}

// ---------------------------------------------------------------------------------------------
// Periods

/** Period writes of one school run one at a time, so two cannot both pass the overlap check. */
export async function lockPeriodWrites(tx: Tx, schoolId: string): Promise<void> {
  await advisoryLock(tx, `periods:${schoolId}`);
}

export async function listPeriods(tx: Tx): Promise<PeriodRow[]> {
  return tx
    .select()
    .from(periods)
    .orderBy(asc(periods.sortOrder), asc(periods.startsAt), asc(periods.name), asc(periods.id));
}

export async function findPeriod(
  tx: Tx,
  id: string,
  lock?: 'update' | 'share' | 'key share',
): Promise<PeriodRow | null> {
  const query = tx.select().from(periods).where(eq(periods.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

export async function insertPeriod(tx: Tx, row: typeof periods.$inferInsert): Promise<PeriodRow> {
  return one(await tx.insert(periods).values(row).returning(), 'periods');
}

export async function updatePeriod(
  tx: Tx,
  id: string,
  fields: Partial<Pick<PeriodRow, 'name' | 'startsAt' | 'endsAt' | 'days' | 'sortOrder'>>,
): Promise<PeriodRow> {
  return one(
    await tx
      .update(periods)
      .set({ ...fields, ...touched })
      .where(eq(periods.id, id))
      .returning(),
    'periods',
  );
}

export async function deletePeriod(tx: Tx, id: string): Promise<void> {
  await tx.delete(periods).where(eq(periods.id, id));
}

/** How many entries use the period, in all or only on some weekdays. */
export async function countPeriodEntries(
  tx: Tx,
  periodId: string,
  onDays?: number[],
): Promise<number> {
  if (onDays && onDays.length === 0) return 0;
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(timetableEntries)
    .where(
      and(
        eq(timetableEntries.periodId, periodId),
        onDays ? inArray(timetableEntries.day, onDays) : undefined,
      ),
    );
  return rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Terms

export async function findTermById(tx: Tx, id: string): Promise<TermRow | null> {
  return first(await tx.select().from(terms).where(eq(terms.id, id)).limit(1));
}

/**
 * The term to show when none is asked for: in the current year, the one around `today`, else
 * the next to start, else the last; without a current year, any term around `today`.
 */
export async function findDefaultTerm(tx: Tx, today: string): Promise<TermRow | null> {
  const ofCurrentYear = await tx
    .select({ term: terms })
    .from(terms)
    .innerJoin(
      academicYears,
      and(eq(academicYears.schoolId, terms.schoolId), eq(academicYears.id, terms.academicYearId)),
    )
    .where(eq(academicYears.isCurrent, true))
    .orderBy(asc(terms.startsOn));
  const yearTerms = ofCurrentYear.map((r) => r.term);
  const around = yearTerms.find((t) => t.startsOn <= today && t.endsOn >= today);
  if (around) return around;
  const next = yearTerms.find((t) => t.startsOn > today);
  if (next) return next;
  const last = yearTerms.at(-1);
  if (last) return last;
  return first(await termsContaining(tx, today));
}

/** Terms whose dates include the day (normally one). */
export async function termsContaining(tx: Tx, day: string): Promise<TermRow[]> {
  return tx
    .select()
    .from(terms)
    .where(and(lte(terms.startsOn, day), gte(terms.endsOn, day)))
    .orderBy(asc(terms.startsOn), asc(terms.id));
}

// ---------------------------------------------------------------------------------------------
// Entries: locks

/**
 * One timetable write per term at a time: entry writes and copies into the term queue up here,
 * so the clash check (the grade-level rule has no index behind it) sees every committed entry.
 * Timetables are edited by a few admins, so a lock per term costs nothing.
 */
export async function lockTermTimetable(tx: Tx, termId: string): Promise<void> {
  await advisoryLock(tx, `timetable.term:${termId}`);
}

// ---------------------------------------------------------------------------------------------
// Entries: reading with names

const groupGrade = alias(gradeLevels, 'group_grade');

const entryView = {
  id: timetableEntries.id,
  termId: timetableEntries.termId,
  day: timetableEntries.day,
  classId: timetableEntries.classId,
  className: classes.name,
  subjectName: subjects.name,
  periodId: periods.id,
  periodName: periods.name,
  periodStartsAt: periods.startsAt,
  periodEndsAt: periods.endsAt,
  sectionId: timetableEntries.sectionId,
  sectionName: sections.name,
  gradeLevelId: groupGrade.id,
  gradeLevelName: groupGrade.name,
  roomId: timetableEntries.roomId,
  roomName: rooms.name,
  teacherId: timetableEntries.teacherId,
  teacherFirstName: staff.firstName,
  teacherLastName: staff.lastName,
};

export interface EntryViewRow {
  id: string;
  termId: string;
  day: number;
  classId: string;
  className: string;
  subjectName: string;
  periodId: string;
  periodName: string;
  periodStartsAt: string;
  periodEndsAt: string;
  sectionId: string | null;
  sectionName: string | null;
  gradeLevelId: string | null;
  gradeLevelName: string | null;
  roomId: string | null;
  roomName: string | null;
  teacherId: string | null;
  teacherFirstName: string | null;
  teacherLastName: string | null;
}

/** Entries matching `where`, with their period, class, group, room and teacher names. */
export async function listEntryViews(tx: Tx, where: SQL | undefined): Promise<EntryViewRow[]> {
  return tx
    .select(entryView)
    .from(timetableEntries)
    .innerJoin(
      periods,
      and(
        eq(periods.schoolId, timetableEntries.schoolId),
        eq(periods.id, timetableEntries.periodId),
      ),
    )
    .innerJoin(
      classes,
      and(
        eq(classes.schoolId, timetableEntries.schoolId),
        eq(classes.id, timetableEntries.classId),
      ),
    )
    .innerJoin(
      subjects,
      and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
    )
    .leftJoin(
      sections,
      and(
        eq(sections.schoolId, timetableEntries.schoolId),
        eq(sections.id, timetableEntries.sectionId),
      ),
    )
    .leftJoin(
      groupGrade,
      and(
        eq(groupGrade.schoolId, classes.schoolId),
        sql`${groupGrade.id} = coalesce(${classes.gradeLevelId}, ${sections.gradeLevelId})`,
      ),
    )
    .leftJoin(
      rooms,
      and(eq(rooms.schoolId, timetableEntries.schoolId), eq(rooms.id, timetableEntries.roomId)),
    )
    .leftJoin(
      staff,
      and(eq(staff.schoolId, timetableEntries.schoolId), eq(staff.id, timetableEntries.teacherId)),
    )
    .where(where)
    .orderBy(
      asc(timetableEntries.day),
      asc(periods.sortOrder),
      asc(periods.startsAt),
      asc(classes.name),
      asc(timetableEntries.id),
    );
}

export async function findEntryView(tx: Tx, id: string): Promise<EntryViewRow | null> {
  return first(await listEntryViews(tx, eq(timetableEntries.id, id)));
}

/** Every entry of a term, with names. */
export async function listTermEntryViews(tx: Tx, termId: string): Promise<EntryViewRow[]> {
  return listEntryViews(tx, eq(timetableEntries.termId, termId));
}

/** The entries in one slot, except one (the entry being moved). */
export async function listSlotEntries(
  tx: Tx,
  slot: { termId: string; day: number; periodId: string },
  exceptId?: string,
): Promise<EntryViewRow[]> {
  return listEntryViews(
    tx,
    and(
      eq(timetableEntries.termId, slot.termId),
      eq(timetableEntries.day, slot.day),
      eq(timetableEntries.periodId, slot.periodId),
      exceptId ? ne(timetableEntries.id, exceptId) : undefined,
    ),
  );
}

export type WeekSelector =
  | { kind: 'section'; id: string; gradeLevelId: string }
  | { kind: 'teacher'; id: string }
  | { kind: 'room'; id: string }
  | { kind: 'class'; id: string }
  | { kind: 'student'; id: string };

/** One term's entries for a section (with its grade's whole-grade classes), teacher, ... */
export async function listWeekEntries(
  tx: Tx,
  term: TermRow,
  selector: WeekSelector,
): Promise<EntryViewRow[]> {
  let which: SQL | undefined;
  switch (selector.kind) {
    case 'section':
      which = or(
        eq(timetableEntries.sectionId, selector.id),
        and(isNull(classes.sectionId), eq(classes.gradeLevelId, selector.gradeLevelId)),
      );
      break;
    case 'teacher':
      which = eq(timetableEntries.teacherId, selector.id);
      break;
    case 'room':
      which = eq(timetableEntries.roomId, selector.id);
      break;
    case 'class':
      which = eq(timetableEntries.classId, selector.id);
      break;
    case 'student':
      // Classes the student is enrolled in at any time during the term.
      which = sql`exists (select 1 from ${classEnrollments} ce
        where ce.school_id = ${timetableEntries.schoolId} and ce.class_id = ${timetableEntries.classId}
          and ce.student_id = ${selector.id} and ce.starts_on <= ${term.endsOn}
          and (ce.ends_on is null or ce.ends_on >= ${term.startsOn}))`;
      break;
  }
  return listEntryViews(tx, and(eq(timetableEntries.termId, term.id), which));
}

/** Entries of a weekday in the given terms taught by the staff member. */
export async function listTaughtOnDay(
  tx: Tx,
  termIds: string[],
  day: number,
  staffId: string,
): Promise<EntryViewRow[]> {
  if (termIds.length === 0) return [];
  return listEntryViews(
    tx,
    and(
      inArray(timetableEntries.termId, termIds),
      eq(timetableEntries.day, day),
      eq(timetableEntries.teacherId, staffId),
    ),
  );
}

/** Entries of a weekday in the given terms for these classes. */
export async function listClassesOnDay(
  tx: Tx,
  termIds: string[],
  day: number,
  classIds: string[],
): Promise<EntryViewRow[]> {
  if (termIds.length === 0 || classIds.length === 0) return [];
  return listEntryViews(
    tx,
    and(
      inArray(timetableEntries.termId, termIds),
      eq(timetableEntries.day, day),
      inArray(timetableEntries.classId, classIds),
    ),
  );
}

/** The classes each student attends on the day (enrollment running then). */
export async function listAttendedClasses(
  tx: Tx,
  studentIds: string[],
  on: string,
): Promise<{ studentId: string; classId: string }[]> {
  if (studentIds.length === 0) return [];
  return tx
    .selectDistinct({ studentId: classEnrollments.studentId, classId: classEnrollments.classId })
    .from(classEnrollments)
    .where(
      and(
        inArray(classEnrollments.studentId, studentIds),
        lte(classEnrollments.startsOn, on),
        or(isNull(classEnrollments.endsOn), gte(classEnrollments.endsOn, on)),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Entries: writing

export async function findEntry(tx: Tx, id: string, lock?: 'update'): Promise<EntryRow | null> {
  const query = tx.select().from(timetableEntries).where(eq(timetableEntries.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

export async function insertEntries(tx: Tx, rows: NewEntryRow[]): Promise<EntryRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(timetableEntries).values(rows).returning();
}

export async function updateEntry(
  tx: Tx,
  id: string,
  fields: Partial<
    Pick<EntryRow, 'termId' | 'classId' | 'day' | 'periodId' | 'roomId' | 'teacherId' | 'sectionId'>
  >,
): Promise<EntryRow> {
  return one(
    await tx
      .update(timetableEntries)
      .set({ ...fields, ...touched })
      .where(eq(timetableEntries.id, id))
      .returning(),
    'timetable_entries',
  );
}

export async function deleteEntry(tx: Tx, id: string): Promise<void> {
  await tx.delete(timetableEntries).where(eq(timetableEntries.id, id));
}

export async function listTermEntries(tx: Tx, termId: string): Promise<EntryRow[]> {
  return tx
    .select()
    .from(timetableEntries)
    .where(eq(timetableEntries.termId, termId))
    .orderBy(asc(timetableEntries.day), asc(timetableEntries.periodId), asc(timetableEntries.id));
}

export async function deleteTermEntries(tx: Tx, termId: string): Promise<number> {
  const rows = await tx
    .delete(timetableEntries)
    .where(eq(timetableEntries.termId, termId))
    .returning({ id: timetableEntries.id });
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// The records entries point at

export interface ClassForEntry {
  id: string;
  name: string;
  termId: string;
  subjectId: string;
  sectionId: string | null;
  sectionName: string | null;
  /** The group's grade level: the class's own, or its section's. */
  gradeLevelId: string | null;
  gradeLevelName: string | null;
  /** The class's own grade level (set only for a class of a whole grade level). */
  classGradeLevelId: string | null;
  roomId: string | null;
  teacherIds: string[];
}

/** The class with its group, locked against deletion until commit. */
export async function findClassForEntry(tx: Tx, id: string): Promise<ClassForEntry | null> {
  const rows = await tx
    .select({
      id: classes.id,
      name: classes.name,
      termId: classes.termId,
      subjectId: classes.subjectId,
      sectionId: classes.sectionId,
      sectionName: sections.name,
      gradeLevelId: groupGrade.id,
      gradeLevelName: groupGrade.name,
      classGradeLevelId: classes.gradeLevelId,
      roomId: classes.roomId,
      teacherIds: sql<string[]>`coalesce((
        select array_agg(ct.staff_id order by ct.staff_id) from ${classTeachers} ct
         where ct.school_id = ${classes.schoolId} and ct.class_id = ${classes.id}
      ), '{}'::uuid[])`,
    })
    .from(classes)
    .leftJoin(
      sections,
      and(eq(sections.schoolId, classes.schoolId), eq(sections.id, classes.sectionId)),
    )
    .leftJoin(
      groupGrade,
      and(
        eq(groupGrade.schoolId, classes.schoolId),
        sql`${groupGrade.id} = coalesce(${classes.gradeLevelId}, ${sections.gradeLevelId})`,
      ),
    )
    .where(eq(classes.id, id))
    .limit(1)
    .for('key share', { of: classes });
  return first(rows);
}

export async function findRoomName(tx: Tx, id: string): Promise<string | null> {
  const rows = await tx
    .select({ name: rooms.name })
    .from(rooms)
    .where(eq(rooms.id, id))
    .limit(1)
    .for('key share');
  return rows[0]?.name ?? null;
}

export async function findStaffName(tx: Tx, id: string): Promise<string | null> {
  const rows = await tx
    .select({ firstName: staff.firstName, lastName: staff.lastName })
    .from(staff)
    .where(eq(staff.id, id))
    .limit(1);
  const row = rows[0];
  return row ? `${row.firstName} ${row.lastName}` : null;
}

export async function sectionGradeLevel(tx: Tx, sectionId: string): Promise<string | null> {
  const rows = await tx
    .select({ gradeLevelId: sections.gradeLevelId })
    .from(sections)
    .where(eq(sections.id, sectionId))
    .limit(1);
  return rows[0]?.gradeLevelId ?? null;
}

export async function roomExists(tx: Tx, id: string): Promise<boolean> {
  return (
    (await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, id)).limit(1)).length > 0
  );
}

export async function staffExists(tx: Tx, id: string): Promise<boolean> {
  return (
    (await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, id)).limit(1)).length > 0
  );
}

export async function classTermId(tx: Tx, id: string): Promise<string | null> {
  const rows = await tx
    .select({ termId: classes.termId })
    .from(classes)
    .where(eq(classes.id, id))
    .limit(1);
  return rows[0]?.termId ?? null;
}

export async function isClassTeacher(tx: Tx, classId: string, staffId: string): Promise<boolean> {
  const rows = await tx
    .select({ classId: classTeachers.classId })
    .from(classTeachers)
    .where(and(eq(classTeachers.classId, classId), eq(classTeachers.staffId, staffId)))
    .limit(1);
  return rows.length > 0;
}

export interface StudentNameRow {
  id: string;
  firstName: string;
  lastName: string;
}

/** The student if she exists, and whether `visible` (a relationship scope) holds for her. */
export async function findStudentVisibility(
  tx: Tx,
  id: string,
  visible: SQL | null,
): Promise<{ exists: boolean; visible: boolean }> {
  const rows = await tx
    .select({ visible: visible ?? sql<boolean>`true` })
    .from(students)
    .where(eq(students.id, id))
    .limit(1);
  const row = rows[0];
  return { exists: row !== undefined, visible: row?.visible === true };
}

export async function findStudentNames(tx: Tx, ids: string[]): Promise<StudentNameRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: students.id, firstName: students.firstName, lastName: students.lastName })
    .from(students)
    .where(inArray(students.id, ids))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
}

/** A guardian's children the school gave portal access for. */
export async function listPortalChildren(tx: Tx, guardianId: string): Promise<string[]> {
  const rows = await tx
    .select({ studentId: studentGuardians.studentId })
    .from(studentGuardians)
    .where(
      and(eq(studentGuardians.guardianId, guardianId), eq(studentGuardians.portalAccess, true)),
    );
  return rows.map((r) => r.studentId);
}

// ---------------------------------------------------------------------------------------------
// Copying between terms

export interface TermClassRow {
  id: string;
  name: string;
  subjectId: string;
  sectionId: string | null;
  gradeLevelId: string | null;
  roomId: string | null;
  teacherIds: string[];
}

export async function listTermClasses(tx: Tx, termId: string): Promise<TermClassRow[]> {
  return tx
    .select({
      id: classes.id,
      name: classes.name,
      subjectId: classes.subjectId,
      sectionId: classes.sectionId,
      gradeLevelId: classes.gradeLevelId,
      roomId: classes.roomId,
      teacherIds: sql<string[]>`coalesce((
        select array_agg(ct.staff_id order by ct.staff_id) from ${classTeachers} ct
         where ct.school_id = ${classes.schoolId} and ct.class_id = ${classes.id}
      ), '{}'::uuid[])`,
    })
    .from(classes)
    .where(eq(classes.termId, termId))
    .orderBy(asc(classes.name), asc(classes.id))
    .for('key share', { of: classes });
}
