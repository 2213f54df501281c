import { and, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database.js';
import { classEnrollments, sectionEnrollments } from '../enrollment/enrollment.table.js';
import { attendanceRegisters } from '../attendance/attendance.table.js';
import { assessments } from '../gradebook/gradebook.table.js';
import { reportCardComments } from '../report-cards/report-cards.table.js';
import { timetableEntries } from '../timetable/timetable.table.js';
import { staff, students } from '../people/people.table.js';
import {
  academicYears,
  classes,
  classTeachers,
  gradeLevels,
  rooms,
  sections,
  subjects,
  terms,
} from './academics.table.js';
import { containsPattern, keysetAfter, keysetOrder, type Keyset } from './academics.listing.js';

// Queries for the academic structure. Every query runs under withTenant, so row-level
// security already limits it to the school; ids from other schools simply find nothing.

export type YearRow = typeof academicYears.$inferSelect;
export type TermRow = typeof terms.$inferSelect;
export type GradeLevelRow = typeof gradeLevels.$inferSelect;
export type SectionRow = typeof sections.$inferSelect;
export type SubjectRow = typeof subjects.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type ClassRow = typeof classes.$inferSelect & { teacherIds: string[] };

/**
 * 'update' for the row being changed or checked against; 'key share' for rows only referred
 * to, so they cannot be deleted before this transaction commits.
 */
export type RowLock = 'update' | 'key share';

function first<T>(rows: T[]): T | null {
  return rows[0] ?? null;
}

function one<T>(rows: T[], table: string): T {
  const row = rows[0];
  if (!row) throw new Error(`write to ${table} returned no row`);
  return row;
}

function allOf(conditions: (SQL | null | undefined)[]): SQL | undefined {
  const present = conditions.filter((c): c is SQL => c !== null && c !== undefined);
  return present.length > 0 ? and(...present) : undefined;
}

async function count(tx: Tx, table: PgTable, where: SQL | undefined): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return rows[0]?.n ?? 0;
}

const touched = { updatedAt: sql`now()` };

// ---------------------------------------------------------------------------------------------
// Academic years

export async function listYears(
  tx: Tx,
  ks: Keyset<string>,
  filter: { q?: string; isCurrent?: boolean },
): Promise<YearRow[]> {
  return tx
    .select()
    .from(academicYears)
    .where(
      allOf([
        keysetAfter(ks, academicYears.id),
        filter.q ? ilike(academicYears.name, containsPattern(filter.q)) : null,
        filter.isCurrent === undefined ? null : eq(academicYears.isCurrent, filter.isCurrent),
      ]),
    )
    .orderBy(...keysetOrder(ks, academicYears.id))
    .limit(ks.limit + 1);
}

export async function findYear(tx: Tx, id: string, lock?: RowLock): Promise<YearRow | null> {
  const query = tx.select().from(academicYears).where(eq(academicYears.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

/** Locks every year of the school, so only one request at a time changes which is current. */
export async function lockAllYears(tx: Tx): Promise<void> {
  await tx
    .select({ id: academicYears.id })
    .from(academicYears)
    .orderBy(academicYears.id)
    .for('update');
}

export async function findCurrentYear(tx: Tx): Promise<YearRow | null> {
  return first(
    await tx.select().from(academicYears).where(eq(academicYears.isCurrent, true)).limit(1),
  );
}

export async function insertYear(tx: Tx, row: typeof academicYears.$inferInsert): Promise<YearRow> {
  return one(await tx.insert(academicYears).values(row).returning(), 'academic_years');
}

export async function updateYear(
  tx: Tx,
  id: string,
  fields: Partial<Pick<YearRow, 'name' | 'startsOn' | 'endsOn' | 'isCurrent'>>,
): Promise<YearRow> {
  return one(
    await tx
      .update(academicYears)
      .set({ ...fields, ...touched })
      .where(eq(academicYears.id, id))
      .returning(),
    'academic_years',
  );
}

export async function deleteYear(tx: Tx, id: string): Promise<void> {
  await tx.delete(academicYears).where(eq(academicYears.id, id));
}

export async function yearDependents(tx: Tx, id: string) {
  return {
    terms: await count(tx, terms, eq(terms.academicYearId, id)),
    sectionEnrollments: await count(
      tx,
      sectionEnrollments,
      eq(sectionEnrollments.academicYearId, id),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Terms

export async function listTerms(
  tx: Tx,
  ks: Keyset<string>,
  filter: { q?: string; academicYearId?: string },
): Promise<TermRow[]> {
  return tx
    .select()
    .from(terms)
    .where(
      allOf([
        keysetAfter(ks, terms.id),
        filter.q ? ilike(terms.name, containsPattern(filter.q)) : null,
        filter.academicYearId ? eq(terms.academicYearId, filter.academicYearId) : null,
      ]),
    )
    .orderBy(...keysetOrder(ks, terms.id))
    .limit(ks.limit + 1);
}

export async function findTerm(tx: Tx, id: string, lock?: RowLock): Promise<TermRow | null> {
  const query = tx.select().from(terms).where(eq(terms.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

export async function termsOfYear(tx: Tx, yearId: string, exceptId?: string): Promise<TermRow[]> {
  return tx
    .select()
    .from(terms)
    .where(allOf([eq(terms.academicYearId, yearId), exceptId ? ne(terms.id, exceptId) : null]))
    .orderBy(terms.startsOn);
}

export async function insertTerm(tx: Tx, row: typeof terms.$inferInsert): Promise<TermRow> {
  return one(await tx.insert(terms).values(row).returning(), 'terms');
}

export async function updateTerm(
  tx: Tx,
  id: string,
  fields: Partial<Pick<TermRow, 'academicYearId' | 'name' | 'startsOn' | 'endsOn'>>,
): Promise<TermRow> {
  return one(
    await tx
      .update(terms)
      .set({ ...fields, ...touched })
      .where(eq(terms.id, id))
      .returning(),
    'terms',
  );
}

export async function deleteTerm(tx: Tx, id: string): Promise<void> {
  await tx.delete(terms).where(eq(terms.id, id));
}

export async function termDependents(tx: Tx, id: string) {
  return { classes: await count(tx, classes, eq(classes.termId, id)) };
}

// ---------------------------------------------------------------------------------------------
// Grade levels

export async function listGradeLevels(
  tx: Tx,
  ks: Keyset<string>,
  filter: { q?: string },
): Promise<GradeLevelRow[]> {
  return tx
    .select()
    .from(gradeLevels)
    .where(
      allOf([
        keysetAfter(ks, gradeLevels.id),
        filter.q ? ilike(gradeLevels.name, containsPattern(filter.q)) : null,
      ]),
    )
    .orderBy(...keysetOrder(ks, gradeLevels.id))
    .limit(ks.limit + 1);
}

export async function findGradeLevel(
  tx: Tx,
  id: string,
  lock?: RowLock,
): Promise<GradeLevelRow | null> {
  const query = tx.select().from(gradeLevels).where(eq(gradeLevels.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

/**
 * The table has no unique constraint on sort_order, so positions are claimed under a
 * transaction-scoped advisory lock per school: two requests cannot both see a free position.
 */
export async function lockGradeLevelOrder(tx: Tx, schoolId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`grade_levels.sort_order:${schoolId}`}, 0))`,
  );
}

export async function findGradeLevelAt(
  tx: Tx,
  sortOrder: number,
  exceptId?: string,
): Promise<GradeLevelRow | null> {
  return first(
    await tx
      .select()
      .from(gradeLevels)
      .where(
        allOf([
          eq(gradeLevels.sortOrder, sortOrder),
          exceptId ? ne(gradeLevels.id, exceptId) : null,
        ]),
      )
      .limit(1),
  );
}

export async function lastGradeLevelOrder(tx: Tx): Promise<number | null> {
  const rows = await tx
    .select({ max: sql<number | null>`max(${gradeLevels.sortOrder})` })
    .from(gradeLevels);
  return rows[0]?.max ?? null;
}

export async function insertGradeLevel(
  tx: Tx,
  row: typeof gradeLevels.$inferInsert,
): Promise<GradeLevelRow> {
  return one(await tx.insert(gradeLevels).values(row).returning(), 'grade_levels');
}

export async function updateGradeLevel(
  tx: Tx,
  id: string,
  fields: Partial<Pick<GradeLevelRow, 'name' | 'sortOrder'>>,
): Promise<GradeLevelRow> {
  return one(
    await tx
      .update(gradeLevels)
      .set({ ...fields, ...touched })
      .where(eq(gradeLevels.id, id))
      .returning(),
    'grade_levels',
  );
}

export async function deleteGradeLevel(tx: Tx, id: string): Promise<void> {
  await tx.delete(gradeLevels).where(eq(gradeLevels.id, id));
}

export async function gradeLevelDependents(tx: Tx, id: string) {
  return {
    sections: await count(tx, sections, eq(sections.gradeLevelId, id)),
    classes: await count(tx, classes, eq(classes.gradeLevelId, id)),
  };
}

// ---------------------------------------------------------------------------------------------
// Sections

export async function listSections(
  tx: Tx,
  ks: Keyset<string>,
  filter: { q?: string; gradeLevelId?: string; homeroomTeacherId?: string },
): Promise<SectionRow[]> {
  return tx
    .select()
    .from(sections)
    .where(
      allOf([
        keysetAfter(ks, sections.id),
        filter.q ? ilike(sections.name, containsPattern(filter.q)) : null,
        filter.gradeLevelId ? eq(sections.gradeLevelId, filter.gradeLevelId) : null,
        filter.homeroomTeacherId ? eq(sections.homeroomTeacherId, filter.homeroomTeacherId) : null,
      ]),
    )
    .orderBy(...keysetOrder(ks, sections.id))
    .limit(ks.limit + 1);
}

export async function findSection(tx: Tx, id: string, lock?: RowLock): Promise<SectionRow | null> {
  const query = tx.select().from(sections).where(eq(sections.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

export async function insertSection(
  tx: Tx,
  row: typeof sections.$inferInsert,
): Promise<SectionRow> {
  return one(await tx.insert(sections).values(row).returning(), 'sections');
}

export async function updateSection(
  tx: Tx,
  id: string,
  fields: Partial<Pick<SectionRow, 'gradeLevelId' | 'name' | 'homeroomTeacherId'>>,
): Promise<SectionRow> {
  return one(
    await tx
      .update(sections)
      .set({ ...fields, ...touched })
      .where(eq(sections.id, id))
      .returning(),
    'sections',
  );
}

export async function deleteSection(tx: Tx, id: string): Promise<void> {
  await tx.delete(sections).where(eq(sections.id, id));
}

export async function sectionDependents(tx: Tx, id: string) {
  return {
    students: await count(tx, students, eq(students.sectionId, id)),
    classes: await count(tx, classes, eq(classes.sectionId, id)),
    sectionEnrollments: await count(tx, sectionEnrollments, eq(sectionEnrollments.sectionId, id)),
  };
}

// ---------------------------------------------------------------------------------------------
// Subjects

export async function listSubjects(
  tx: Tx,
  ks: Keyset<string>,
  filter: { q?: string },
): Promise<SubjectRow[]> {
  const pattern = filter.q ? containsPattern(filter.q) : null;
  return tx
    .select()
    .from(subjects)
    .where(
      allOf([
        keysetAfter(ks, subjects.id),
        pattern ? or(ilike(subjects.name, pattern), ilike(subjects.code, pattern)) : null,
      ]),
    )
    .orderBy(...keysetOrder(ks, subjects.id))
    .limit(ks.limit + 1);
}

export async function findSubject(tx: Tx, id: string, lock?: RowLock): Promise<SubjectRow | null> {
  const query = tx.select().from(subjects).where(eq(subjects.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

export async function insertSubject(
  tx: Tx,
  row: typeof subjects.$inferInsert,
): Promise<SubjectRow> {
  return one(await tx.insert(subjects).values(row).returning(), 'subjects');
}

export async function updateSubject(
  tx: Tx,
  id: string,
  fields: Partial<Pick<SubjectRow, 'code' | 'name'>>,
): Promise<SubjectRow> {
  return one(
    await tx
      .update(subjects)
      .set({ ...fields, ...touched })
      .where(eq(subjects.id, id))
      .returning(),
    'subjects',
  );
}

export async function deleteSubject(tx: Tx, id: string): Promise<void> {
  await tx.delete(subjects).where(eq(subjects.id, id));
}

export async function subjectDependents(tx: Tx, id: string) {
  return { classes: await count(tx, classes, eq(classes.subjectId, id)) };
}

// ---------------------------------------------------------------------------------------------
// Rooms

export async function listRooms(
  tx: Tx,
  ks: Keyset<string>,
  filter: { q?: string; minCapacity?: number },
): Promise<RoomRow[]> {
  return tx
    .select()
    .from(rooms)
    .where(
      allOf([
        keysetAfter(ks, rooms.id),
        filter.q ? ilike(rooms.name, containsPattern(filter.q)) : null,
        filter.minCapacity === undefined ? null : sql`${rooms.capacity} >= ${filter.minCapacity}`,
      ]),
    )
    .orderBy(...keysetOrder(ks, rooms.id))
    .limit(ks.limit + 1);
}

export async function findRoom(tx: Tx, id: string, lock?: RowLock): Promise<RoomRow | null> {
  const query = tx.select().from(rooms).where(eq(rooms.id, id)).limit(1);
  return first(lock ? await query.for(lock) : await query);
}

export async function insertRoom(tx: Tx, row: typeof rooms.$inferInsert): Promise<RoomRow> {
  return one(await tx.insert(rooms).values(row).returning(), 'rooms');
}

export async function updateRoom(
  tx: Tx,
  id: string,
  fields: Partial<Pick<RoomRow, 'name' | 'capacity'>>,
): Promise<RoomRow> {
  return one(
    await tx
      .update(rooms)
      .set({ ...fields, ...touched })
      .where(eq(rooms.id, id))
      .returning(),
    'rooms',
  );
}

export async function deleteRoom(tx: Tx, id: string): Promise<void> {
  await tx.delete(rooms).where(eq(rooms.id, id));
}

export async function roomDependents(tx: Tx, id: string) {
  return { classes: await count(tx, classes, eq(classes.roomId, id)) };
}

// ---------------------------------------------------------------------------------------------
// Classes

const teacherIdsSql = sql<string[]>`coalesce((
  select array_agg(ct.staff_id order by ct.staff_id) from ${classTeachers} ct
   where ct.school_id = ${classes.schoolId} and ct.class_id = ${classes.id}
), '{}'::uuid[])`;

export interface ClassFilter {
  q?: string;
  termId?: string;
  sectionId?: string;
  gradeLevelId?: string;
  subjectId?: string;
  teacherId?: string;
  roomId?: string;
}

export async function listClasses(
  tx: Tx,
  ks: Keyset<string>,
  filter: ClassFilter,
): Promise<ClassRow[]> {
  const rows = await tx
    .select({ row: classes, teacherIds: teacherIdsSql })
    .from(classes)
    .where(
      allOf([
        keysetAfter(ks, classes.id),
        filter.q ? ilike(classes.name, containsPattern(filter.q)) : null,
        filter.termId ? eq(classes.termId, filter.termId) : null,
        filter.sectionId ? eq(classes.sectionId, filter.sectionId) : null,
        filter.subjectId ? eq(classes.subjectId, filter.subjectId) : null,
        filter.roomId ? eq(classes.roomId, filter.roomId) : null,
        filter.gradeLevelId
          ? sql`(${classes.gradeLevelId} = ${filter.gradeLevelId} or exists (
              select 1 from ${sections} s
               where s.school_id = ${classes.schoolId} and s.id = ${classes.sectionId}
                 and s.grade_level_id = ${filter.gradeLevelId}))`
          : null,
        filter.teacherId
          ? sql`exists (select 1 from ${classTeachers} ct
               where ct.school_id = ${classes.schoolId} and ct.class_id = ${classes.id}
                 and ct.staff_id = ${filter.teacherId})`
          : null,
      ]),
    )
    .orderBy(...keysetOrder(ks, classes.id))
    .limit(ks.limit + 1);
  return rows.map((r) => ({ ...r.row, teacherIds: r.teacherIds }));
}

export async function findClass(tx: Tx, id: string, lock?: RowLock): Promise<ClassRow | null> {
  const query = tx
    .select({ row: classes, teacherIds: teacherIdsSql })
    .from(classes)
    .where(eq(classes.id, id))
    .limit(1);
  const row = first(lock ? await query.for(lock, { of: classes }) : await query);
  return row ? { ...row.row, teacherIds: row.teacherIds } : null;
}

export async function insertClass(
  tx: Tx,
  row: typeof classes.$inferInsert,
): Promise<typeof classes.$inferSelect> {
  return one(await tx.insert(classes).values(row).returning(), 'classes');
}

export async function updateClass(
  tx: Tx,
  id: string,
  fields: Partial<
    Pick<ClassRow, 'name' | 'subjectId' | 'termId' | 'sectionId' | 'gradeLevelId' | 'roomId'>
  >,
): Promise<typeof classes.$inferSelect> {
  return one(
    await tx
      .update(classes)
      .set({ ...fields, ...touched })
      .where(eq(classes.id, id))
      .returning(),
    'classes',
  );
}

export async function setClassTeachers(
  tx: Tx,
  schoolId: string,
  classId: string,
  staffIds: string[],
): Promise<void> {
  await tx.delete(classTeachers).where(eq(classTeachers.classId, classId));
  if (staffIds.length > 0) {
    await tx
      .insert(classTeachers)
      .values(staffIds.map((staffId) => ({ schoolId, classId, staffId })));
  }
}

export async function deleteClass(tx: Tx, id: string): Promise<void> {
  await tx.delete(classTeachers).where(eq(classTeachers.classId, id));
  await tx.delete(classes).where(eq(classes.id, id));
}

/** What hangs off a class: its students, its lessons and the work recorded in it. */
export async function classDependents(tx: Tx, id: string) {
  return {
    enrollments: await count(tx, classEnrollments, eq(classEnrollments.classId, id)),
    lessons: await count(tx, timetableEntries, eq(timetableEntries.classId, id)),
    registers: await count(tx, attendanceRegisters, eq(attendanceRegisters.classId, id)),
    assessments: await count(tx, assessments, eq(assessments.classId, id)),
    comments: await count(tx, reportCardComments, eq(reportCardComments.classId, id)),
  };
}

// ---------------------------------------------------------------------------------------------
// Staff, as teachers of classes and sections

export interface TeacherCandidate {
  id: string;
  firstName: string;
  lastName: string;
  isTeacher: boolean;
  status: string;
}

export async function findStaffMembers(tx: Tx, ids: string[]): Promise<TeacherCandidate[]> {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: staff.id,
      firstName: staff.firstName,
      lastName: staff.lastName,
      isTeacher: staff.isTeacher,
      status: staff.status,
    })
    .from(staff)
    .where(inArray(staff.id, ids))
    .for('key share');
}
