import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
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
import { staff, students } from '../people/people.table.js';
import { classEnrollments, sectionEnrollments } from './enrollment.table.js';

export type SectionEnrollmentRow = typeof sectionEnrollments.$inferSelect;
export type ClassEnrollmentRow = typeof classEnrollments.$inferSelect;

export interface StudentRef {
  id: string;
  status: (typeof students.$inferSelect)['status'];
  sectionId: string | null;
}

const studentRef = { id: students.id, status: students.status, sectionId: students.sectionId };

/** Locks the student row: every change to a student's sections runs one at a time. */
export async function lockStudent(tx: Tx, id: string): Promise<StudentRef | null> {
  const rows = await tx
    .select(studentRef)
    .from(students)
    .where(eq(students.id, id))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Holds the students' status steady until the transaction ends. */
export async function shareLockStudents(tx: Tx, ids: string[]): Promise<StudentRef[]> {
  if (ids.length === 0) return [];
  return tx.select(studentRef).from(students).where(inArray(students.id, ids)).for('share');
}

export async function setStudentSection(
  tx: Tx,
  studentId: string,
  sectionId: string | null,
): Promise<void> {
  await tx
    .update(students)
    .set({ sectionId, updatedAt: sql`now()` })
    .where(eq(students.id, studentId));
}

export async function sectionExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.id, id))
    .limit(1);
  return rows.length === 1;
}

export async function findAcademicYear(
  tx: Tx,
  id: string,
): Promise<{ id: string; isCurrent: boolean } | null> {
  const rows = await tx
    .select({ id: academicYears.id, isCurrent: academicYears.isCurrent })
    .from(academicYears)
    .where(eq(academicYears.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function findSectionEnrollmentFor(
  tx: Tx,
  studentId: string,
  academicYearId: string,
): Promise<SectionEnrollmentRow | null> {
  const rows = await tx
    .select()
    .from(sectionEnrollments)
    .where(
      and(
        eq(sectionEnrollments.studentId, studentId),
        eq(sectionEnrollments.academicYearId, academicYearId),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function findSectionEnrollment(
  tx: Tx,
  id: string,
): Promise<(SectionEnrollmentRow & { currentYear: boolean }) | null> {
  const rows = await tx
    .select({ enrollment: sectionEnrollments, currentYear: academicYears.isCurrent })
    .from(sectionEnrollments)
    .innerJoin(
      academicYears,
      and(
        eq(academicYears.schoolId, sectionEnrollments.schoolId),
        eq(academicYears.id, sectionEnrollments.academicYearId),
      ),
    )
    .where(eq(sectionEnrollments.id, id))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.enrollment, currentYear: row.currentYear } : null;
}

export async function insertSectionEnrollment(
  tx: Tx,
  row: typeof sectionEnrollments.$inferInsert,
): Promise<SectionEnrollmentRow> {
  const rows = await tx.insert(sectionEnrollments).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into section_enrollments returned no row');
  return inserted;
}

export async function moveSectionEnrollment(
  tx: Tx,
  id: string,
  sectionId: string,
): Promise<SectionEnrollmentRow | null> {
  const rows = await tx
    .update(sectionEnrollments)
    .set({ sectionId })
    .where(eq(sectionEnrollments.id, id))
    .returning();
  return rows[0] ?? null;
}

export async function deleteSectionEnrollment(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(sectionEnrollments)
    .where(eq(sectionEnrollments.id, id))
    .returning({ id: sectionEnrollments.id });
  return rows.length === 1;
}

/** Locks the class so that enrollments into it are decided one request at a time. */
export async function lockClass(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: classes.id })
    .from(classes)
    .where(eq(classes.id, id))
    .for('no key update')
    .limit(1);
  return rows.length === 1;
}

/** Enrollments in the class still running on or after `from` (open, or ending then or later). */
export async function enrollmentsRunningFrom(
  tx: Tx,
  classId: string,
  studentIds: string[],
  from: string,
): Promise<ClassEnrollmentRow[]> {
  if (studentIds.length === 0) return [];
  return tx
    .select()
    .from(classEnrollments)
    .where(
      and(
        eq(classEnrollments.classId, classId),
        inArray(classEnrollments.studentId, studentIds),
        or(isNull(classEnrollments.endsOn), gte(classEnrollments.endsOn, from)),
      ),
    )
    .orderBy(asc(classEnrollments.startsOn), asc(classEnrollments.id));
}

export async function insertClassEnrollments(
  tx: Tx,
  rows: (typeof classEnrollments.$inferInsert)[],
): Promise<ClassEnrollmentRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(classEnrollments).values(rows).returning();
}

export async function lockClassEnrollment(tx: Tx, id: string): Promise<ClassEnrollmentRow | null> {
  const rows = await tx
    .select()
    .from(classEnrollments)
    .where(eq(classEnrollments.id, id))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function setClassEnrollmentEnd(
  tx: Tx,
  id: string,
  endsOn: string,
): Promise<ClassEnrollmentRow | null> {
  const rows = await tx
    .update(classEnrollments)
    .set({ endsOn })
    .where(eq(classEnrollments.id, id))
    .returning();
  return rows[0] ?? null;
}

export async function deleteClassEnrollment(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(classEnrollments)
    .where(eq(classEnrollments.id, id))
    .returning({ id: classEnrollments.id });
  return rows.length === 1;
}

function activeOn(on: string): SQL {
  return and(
    lte(classEnrollments.startsOn, on),
    or(isNull(classEnrollments.endsOn), gte(classEnrollments.endsOn, on)),
  ) as SQL;
}

/** The class's id if it exists and `visible` (a relationship scope) holds for it. */
export async function findVisibleClass(
  tx: Tx,
  id: string,
  visible: SQL | null,
): Promise<string | null> {
  const rows = await tx
    .select({ id: classes.id })
    .from(classes)
    .where(visible ? and(eq(classes.id, id), visible) : eq(classes.id, id))
    .limit(1);
  return rows[0]?.id ?? null;
}

export interface RosterRow {
  enrollmentId: string;
  studentId: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  startsOn: string;
  endsOn: string | null;
}

/** Keyset page of students in the class on a day, by (last name, first name, enrollment id). */
export async function listRoster(
  tx: Tx,
  filter: {
    classId: string;
    on: string;
    limit: number;
    after?: { lastName: string; firstName: string; enrollmentId: string };
  },
): Promise<RosterRow[]> {
  const conditions: SQL[] = [eq(classEnrollments.classId, filter.classId), activeOn(filter.on)];
  if (filter.after) {
    const { lastName, firstName, enrollmentId } = filter.after;
    conditions.push(
      sql`(${students.lastName}, ${students.firstName}, ${classEnrollments.id}) > (${lastName}, ${firstName}, ${enrollmentId})`,
    );
  }
  return tx
    .select({
      enrollmentId: classEnrollments.id,
      studentId: students.id,
      admissionNumber: students.admissionNumber,
      firstName: students.firstName,
      lastName: students.lastName,
      startsOn: classEnrollments.startsOn,
      endsOn: classEnrollments.endsOn,
    })
    .from(classEnrollments)
    .innerJoin(
      students,
      and(
        eq(students.schoolId, classEnrollments.schoolId),
        eq(students.id, classEnrollments.studentId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(classEnrollments.id))
    .limit(filter.limit + 1);
}

export interface StudentSummaryRow {
  id: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
}

const studentSummary = {
  id: students.id,
  admissionNumber: students.admissionNumber,
  firstName: students.firstName,
  lastName: students.lastName,
};

/** Students matching the id and a relationship scope (null: the whole school). */
export async function findVisibleStudent(
  tx: Tx,
  id: string,
  visible: SQL | null,
): Promise<StudentSummaryRow | null> {
  const rows = await tx
    .select(studentSummary)
    .from(students)
    .where(visible ? and(eq(students.id, id), visible) : eq(students.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function listVisibleStudents(tx: Tx, visible: SQL): Promise<StudentSummaryRow[]> {
  return tx
    .select(studentSummary)
    .from(students)
    .where(visible)
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
}

export async function staffExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, id)).limit(1);
  return rows.length === 1;
}

/** Enrollments running on the day for these students. */
export async function listActiveEnrollments(
  tx: Tx,
  studentIds: string[],
  on: string,
): Promise<ClassEnrollmentRow[]> {
  if (studentIds.length === 0) return [];
  return tx
    .select()
    .from(classEnrollments)
    .where(and(inArray(classEnrollments.studentId, studentIds), activeOn(on)));
}

/** Ids of the classes a staff member teaches, in one term or in terms not over by `from`. */
export async function listTaughtClassIds(
  tx: Tx,
  staffId: string,
  when: { termId: string } | { termEndsOnOrAfter: string },
): Promise<string[]> {
  const rows = await tx
    .select({ id: classTeachers.classId })
    .from(classTeachers)
    .innerJoin(
      classes,
      and(eq(classes.schoolId, classTeachers.schoolId), eq(classes.id, classTeachers.classId)),
    )
    .innerJoin(terms, and(eq(terms.schoolId, classes.schoolId), eq(terms.id, classes.termId)))
    .where(
      and(
        eq(classTeachers.staffId, staffId),
        'termId' in when ? eq(terms.id, when.termId) : gte(terms.endsOn, when.termEndsOnOrAfter),
      ),
    );
  return rows.map((r) => r.id);
}

export interface ClassDetailRow {
  id: string;
  name: string;
  subjectId: string;
  subjectCode: string;
  subjectName: string;
  termId: string;
  termName: string;
  termStartsOn: string;
  termEndsOn: string;
  sectionId: string | null;
  sectionName: string | null;
  gradeLevelId: string | null;
  gradeLevelName: string | null;
  roomId: string | null;
  roomName: string | null;
}

/** The classes with their subject, term, group and room, by term start, subject, name. */
export async function listClassDetails(tx: Tx, ids: string[]): Promise<ClassDetailRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: classes.id,
      name: classes.name,
      subjectId: subjects.id,
      subjectCode: subjects.code,
      subjectName: subjects.name,
      termId: terms.id,
      termName: terms.name,
      termStartsOn: terms.startsOn,
      termEndsOn: terms.endsOn,
      sectionId: sections.id,
      sectionName: sections.name,
      gradeLevelId: gradeLevels.id,
      gradeLevelName: gradeLevels.name,
      roomId: rooms.id,
      roomName: rooms.name,
    })
    .from(classes)
    .innerJoin(
      subjects,
      and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
    )
    .innerJoin(terms, and(eq(terms.schoolId, classes.schoolId), eq(terms.id, classes.termId)))
    .leftJoin(
      sections,
      and(eq(sections.schoolId, classes.schoolId), eq(sections.id, classes.sectionId)),
    )
    .leftJoin(
      gradeLevels,
      and(eq(gradeLevels.schoolId, classes.schoolId), eq(gradeLevels.id, classes.gradeLevelId)),
    )
    .leftJoin(rooms, and(eq(rooms.schoolId, classes.schoolId), eq(rooms.id, classes.roomId)))
    .where(inArray(classes.id, ids))
    .orderBy(asc(terms.startsOn), asc(subjects.name), asc(classes.name), asc(classes.id));
}

export interface ClassTeacherRow {
  classId: string;
  id: string;
  firstName: string;
  lastName: string;
}

export async function listClassTeachers(tx: Tx, classIds: string[]): Promise<ClassTeacherRow[]> {
  if (classIds.length === 0) return [];
  return tx
    .select({
      classId: classTeachers.classId,
      id: staff.id,
      firstName: staff.firstName,
      lastName: staff.lastName,
    })
    .from(classTeachers)
    .innerJoin(
      staff,
      and(eq(staff.schoolId, classTeachers.schoolId), eq(staff.id, classTeachers.staffId)),
    )
    .where(inArray(classTeachers.classId, classIds))
    .orderBy(asc(staff.lastName), asc(staff.firstName), asc(staff.id));
}
