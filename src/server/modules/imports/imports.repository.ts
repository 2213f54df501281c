import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
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
import { classEnrollments, sectionEnrollments } from '../enrollment/enrollment.table.js';
import { guardians, staff, studentGuardians, students } from '../people/people.table.js';

// Whole-school reads and batched writes for CSV imports. An import of 10,000 rows reads each
// table once and writes in batches, so its cost does not grow with round trips per row.

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 1000;

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export type StudentRecord = Pick<
  typeof students.$inferSelect,
  | 'id'
  | 'admissionNumber'
  | 'firstName'
  | 'lastName'
  | 'dateOfBirth'
  | 'gender'
  | 'status'
  | 'sectionId'
>;
export type GuardianRecord = Pick<
  typeof guardians.$inferSelect,
  'id' | 'firstName' | 'lastName' | 'email' | 'phone'
>;
export type GuardianLinkRecord = Omit<
  typeof studentGuardians.$inferSelect,
  'schoolId' | 'createdAt'
>;
export type StaffRecord = Pick<
  typeof staff.$inferSelect,
  | 'id'
  | 'employeeNumber'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'position'
  | 'department'
  | 'isTeacher'
>;
export type ClassRecord = Pick<
  typeof classes.$inferSelect,
  'id' | 'name' | 'subjectId' | 'termId' | 'sectionId' | 'gradeLevelId' | 'roomId'
>;
export type EnrollmentRecord = Pick<
  typeof classEnrollments.$inferSelect,
  'classId' | 'studentId' | 'startsOn' | 'endsOn'
>;
export interface NamedRecord {
  id: string;
  name: string;
}
export interface SectionRecord extends NamedRecord {
  gradeLevelId: string;
}
export interface TermRecord extends NamedRecord {
  academicYearId: string;
}

export function loadStudents(tx: Tx): Promise<StudentRecord[]> {
  return tx
    .select({
      id: students.id,
      admissionNumber: students.admissionNumber,
      firstName: students.firstName,
      lastName: students.lastName,
      dateOfBirth: students.dateOfBirth,
      gender: students.gender,
      status: students.status,
      sectionId: students.sectionId,
    })
    .from(students);
}

export function loadGuardians(tx: Tx): Promise<GuardianRecord[]> {
  return tx
    .select({
      id: guardians.id,
      firstName: guardians.firstName,
      lastName: guardians.lastName,
      email: guardians.email,
      phone: guardians.phone,
    })
    .from(guardians);
}

export function loadGuardianLinks(tx: Tx): Promise<GuardianLinkRecord[]> {
  return tx
    .select({
      studentId: studentGuardians.studentId,
      guardianId: studentGuardians.guardianId,
      relationship: studentGuardians.relationship,
      isPrimary: studentGuardians.isPrimary,
      portalAccess: studentGuardians.portalAccess,
      pickupAllowed: studentGuardians.pickupAllowed,
      noContact: studentGuardians.noContact,
    })
    .from(studentGuardians);
}

export function loadStaff(tx: Tx): Promise<StaffRecord[]> {
  return tx
    .select({
      id: staff.id,
      employeeNumber: staff.employeeNumber,
      firstName: staff.firstName,
      lastName: staff.lastName,
      email: staff.email,
      phone: staff.phone,
      position: staff.position,
      department: staff.department,
      isTeacher: staff.isTeacher,
    })
    .from(staff);
}

export function loadGradeLevels(tx: Tx): Promise<(NamedRecord & { sortOrder: number })[]> {
  return tx
    .select({ id: gradeLevels.id, name: gradeLevels.name, sortOrder: gradeLevels.sortOrder })
    .from(gradeLevels);
}

export function loadSections(tx: Tx): Promise<SectionRecord[]> {
  return tx
    .select({ id: sections.id, name: sections.name, gradeLevelId: sections.gradeLevelId })
    .from(sections);
}

export function loadAcademicYears(tx: Tx): Promise<(NamedRecord & { isCurrent: boolean })[]> {
  return tx
    .select({ id: academicYears.id, name: academicYears.name, isCurrent: academicYears.isCurrent })
    .from(academicYears);
}

export function loadTerms(tx: Tx): Promise<TermRecord[]> {
  return tx
    .select({ id: terms.id, name: terms.name, academicYearId: terms.academicYearId })
    .from(terms);
}

export function loadSubjects(tx: Tx): Promise<{ id: string; code: string }[]> {
  return tx.select({ id: subjects.id, code: subjects.code }).from(subjects);
}

export function loadRooms(tx: Tx): Promise<NamedRecord[]> {
  return tx.select({ id: rooms.id, name: rooms.name }).from(rooms);
}

export function loadClasses(tx: Tx): Promise<ClassRecord[]> {
  return tx
    .select({
      id: classes.id,
      name: classes.name,
      subjectId: classes.subjectId,
      termId: classes.termId,
      sectionId: classes.sectionId,
      gradeLevelId: classes.gradeLevelId,
      roomId: classes.roomId,
    })
    .from(classes);
}

export function loadClassTeachers(tx: Tx): Promise<{ classId: string; staffId: string }[]> {
  return tx
    .select({ classId: classTeachers.classId, staffId: classTeachers.staffId })
    .from(classTeachers);
}

export function loadClassEnrollments(tx: Tx): Promise<EnrollmentRecord[]> {
  return tx
    .select({
      classId: classEnrollments.classId,
      studentId: classEnrollments.studentId,
      startsOn: classEnrollments.startsOn,
      endsOn: classEnrollments.endsOn,
    })
    .from(classEnrollments);
}

export type StudentWrite = Omit<typeof students.$inferInsert, 'createdAt' | 'updatedAt'>;

/**
 * Inserts new students and updates changed ones by admission number. `enrolledOn` is only
 * filled when the student has none yet. Returns the id of every row written.
 */
export async function upsertStudents(
  tx: Tx,
  rows: readonly StudentWrite[],
): Promise<{ id: string; admissionNumber: string }[]> {
  const written: { id: string; admissionNumber: string }[] = [];
  for (const batch of batches(rows)) {
    written.push(
      ...(await tx
        .insert(students)
        .values(batch)
        .onConflictDoUpdate({
          target: [students.schoolId, students.admissionNumber],
          set: {
            firstName: sql`excluded.first_name`,
            lastName: sql`excluded.last_name`,
            dateOfBirth: sql`excluded.date_of_birth`,
            gender: sql`excluded.gender`,
            status: sql`excluded.status`,
            sectionId: sql`excluded.section_id`,
            enrolledOn: sql`coalesce(${students.enrolledOn}, excluded.enrolled_on)`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: students.id, admissionNumber: students.admissionNumber })),
    );
  }
  return written;
}

/** The students' sections in one academic year: placed, moved, or removed (null). */
export async function setSectionsForYear(
  tx: Tx,
  schoolId: string,
  academicYearId: string,
  placements: readonly { studentId: string; sectionId: string | null }[],
): Promise<void> {
  const placed = placements.filter(
    (p): p is { studentId: string; sectionId: string } => p.sectionId !== null,
  );
  for (const batch of batches(placed)) {
    await tx
      .insert(sectionEnrollments)
      .values(
        batch.map((p) => ({
          schoolId,
          id: newId(),
          studentId: p.studentId,
          sectionId: p.sectionId,
          academicYearId,
        })),
      )
      .onConflictDoUpdate({
        target: [
          sectionEnrollments.schoolId,
          sectionEnrollments.studentId,
          sectionEnrollments.academicYearId,
        ],
        set: { sectionId: sql`excluded.section_id` },
      });
  }
  const removed = placements.filter((p) => p.sectionId === null).map((p) => p.studentId);
  for (const batch of batches(removed)) {
    await tx
      .delete(sectionEnrollments)
      .where(
        and(
          eq(sectionEnrollments.academicYearId, academicYearId),
          inArray(sectionEnrollments.studentId, batch),
        ),
      );
  }
}

/** Inserts new guardians and updates changed ones (matched by id). */
export async function upsertGuardians(
  tx: Tx,
  rows: readonly Omit<typeof guardians.$inferInsert, 'createdAt' | 'updatedAt'>[],
): Promise<void> {
  for (const batch of batches(rows)) {
    await tx
      .insert(guardians)
      .values(batch)
      .onConflictDoUpdate({
        target: [guardians.schoolId, guardians.id],
        set: {
          firstName: sql`excluded.first_name`,
          lastName: sql`excluded.last_name`,
          email: sql`excluded.email`,
          phone: sql`excluded.phone`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export async function upsertGuardianLinks(
  tx: Tx,
  rows: readonly Omit<typeof studentGuardians.$inferInsert, 'createdAt'>[],
): Promise<void> {
  for (const batch of batches(rows)) {
    await tx
      .insert(studentGuardians)
      .values(batch)
      .onConflictDoUpdate({
        target: [
          studentGuardians.schoolId,
          studentGuardians.studentId,
          studentGuardians.guardianId,
        ],
        set: {
          relationship: sql`excluded.relationship`,
          isPrimary: sql`excluded.is_primary`,
          portalAccess: sql`excluded.portal_access`,
          pickupAllowed: sql`excluded.pickup_allowed`,
          noContact: sql`excluded.no_contact`,
        },
      });
  }
}

export async function upsertStaff(
  tx: Tx,
  rows: readonly Omit<typeof staff.$inferInsert, 'createdAt' | 'updatedAt'>[],
): Promise<void> {
  for (const batch of batches(rows)) {
    await tx
      .insert(staff)
      .values(batch)
      .onConflictDoUpdate({
        target: [staff.schoolId, staff.employeeNumber],
        set: {
          firstName: sql`excluded.first_name`,
          lastName: sql`excluded.last_name`,
          email: sql`excluded.email`,
          phone: sql`excluded.phone`,
          position: sql`excluded.position`,
          department: sql`excluded.department`,
          isTeacher: sql`excluded.is_teacher`,
          updatedAt: sql`now()`,
        },
      });
  }
}

/** Inserts or updates classes by (term, name); returns the id each one has. */
export async function upsertClasses(
  tx: Tx,
  rows: readonly Omit<typeof classes.$inferInsert, 'createdAt' | 'updatedAt'>[],
): Promise<{ id: string; termId: string; name: string }[]> {
  const written: { id: string; termId: string; name: string }[] = [];
  for (const batch of batches(rows)) {
    written.push(
      ...(await tx
        .insert(classes)
        .values(batch)
        .onConflictDoUpdate({
          target: [classes.schoolId, classes.termId, classes.name],
          set: {
            sectionId: sql`excluded.section_id`,
            gradeLevelId: sql`excluded.grade_level_id`,
            roomId: sql`excluded.room_id`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: classes.id, termId: classes.termId, name: classes.name })),
    );
  }
  return written;
}

/** Makes these classes' teachers exactly the given links. */
export async function replaceClassTeachers(
  tx: Tx,
  schoolId: string,
  classIds: readonly string[],
  links: readonly { classId: string; staffId: string }[],
): Promise<void> {
  for (const batch of batches(classIds)) {
    await tx.delete(classTeachers).where(inArray(classTeachers.classId, batch));
  }
  for (const batch of batches(links)) {
    await tx
      .insert(classTeachers)
      .values(batch.map((link) => ({ schoolId, ...link })))
      .onConflictDoNothing();
  }
}

/** One import at a time per school, so two commits of the same file cannot interleave. */
export async function lockImports(tx: Tx, schoolId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`imports:${schoolId}`}, 0))`,
  );
}

export async function insertClassEnrollments(
  tx: Tx,
  rows: readonly Omit<typeof classEnrollments.$inferInsert, 'createdAt'>[],
): Promise<void> {
  for (const batch of batches(rows)) {
    await tx.insert(classEnrollments).values(batch).onConflictDoNothing();
  }
}
