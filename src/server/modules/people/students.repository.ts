import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { sections } from '../academics/academics.table.js';
import { classEnrollments, sectionEnrollments } from '../enrollment/enrollment.table.js';
import { users } from '../users/users.table.js';
import { afterKey, containsPattern, orderByKey, type SortOrder } from './list-query.js';
import { studentGuardians, students, type StudentStatus } from './people.table.js';

export type StudentRecord = typeof students.$inferSelect;

export interface StudentRow extends StudentRecord {
  userId: string | null;
}

export type StudentSort = 'name' | 'admissionNumber';

/** The account linked to the student (at most one: users_linked_student_key). */
export const studentUserJoin = and(
  eq(users.schoolId, students.schoolId),
  eq(users.linkedStudentId, students.id),
);

export const studentSortKey = {
  name: [students.lastName, students.firstName, students.id],
  admissionNumber: [students.admissionNumber, students.id],
} as const;

export function studentKeyOf(row: StudentRecord, sort: StudentSort): string[] {
  return sort === 'name' ? [row.lastName, row.firstName, row.id] : [row.admissionNumber, row.id];
}

function withUser(rows: { student: StudentRecord; userId: string | null }[]): StudentRow[] {
  return rows.map((r) => ({ ...r.student, userId: r.userId }));
}

/** One student, if it exists and the scope condition (null: whole school) admits it. */
export async function findStudent(
  tx: Tx,
  id: string,
  scope: SQL | null,
  options: { lock?: boolean } = {},
): Promise<StudentRow | null> {
  const query = tx
    .select({ student: students, userId: users.id })
    .from(students)
    .leftJoin(users, studentUserJoin)
    .where(and(eq(students.id, id), scope ?? undefined))
    .limit(1);
  const rows = withUser(options.lock ? await query.for('update', { of: students }) : await query);
  return rows[0] ?? null;
}

export interface StudentListFilter {
  scope: SQL | null;
  limit: number;
  sort: StudentSort;
  order: SortOrder;
  after?: string[];
  q?: string;
  status?: StudentStatus;
  sectionId?: string;
  gradeLevelId?: string;
}

/** One keyset page (plus one row, to tell whether there is more). */
export async function listStudents(tx: Tx, filter: StudentListFilter): Promise<StudentRow[]> {
  const key = [...studentSortKey[filter.sort]];
  const conditions: SQL[] = [];
  if (filter.scope) conditions.push(filter.scope);
  if (filter.after) conditions.push(afterKey(key, filter.after, filter.order));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const match = or(
      ilike(students.firstName, pattern),
      ilike(students.lastName, pattern),
      ilike(sql`${students.firstName} || ' ' || ${students.lastName}`, pattern),
      ilike(students.admissionNumber, pattern),
    );
    if (match) conditions.push(match);
  }
  if (filter.status) conditions.push(eq(students.status, filter.status));
  if (filter.sectionId) conditions.push(eq(students.sectionId, filter.sectionId));
  if (filter.gradeLevelId) {
    conditions.push(sql`exists (
      select 1 from ${sections} gs
       where gs.school_id = ${students.schoolId} and gs.id = ${students.sectionId}
         and gs.grade_level_id = ${filter.gradeLevelId})`);
  }
  const rows = await tx
    .select({ student: students, userId: users.id })
    .from(students)
    .leftJoin(users, studentUserJoin)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...orderByKey(key, filter.order))
    .limit(filter.limit + 1);
  return withUser(rows);
}

export async function insertStudent(
  tx: Tx,
  row: typeof students.$inferInsert,
): Promise<StudentRecord> {
  const rows = await tx.insert(students).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into students returned no row');
  return inserted;
}

export async function updateStudent(
  tx: Tx,
  id: string,
  fields: Partial<
    Pick<
      StudentRecord,
      | 'admissionNumber'
      | 'firstName'
      | 'lastName'
      | 'dateOfBirth'
      | 'gender'
      | 'status'
      | 'enrolledOn'
      | 'sectionId'
    >
  >,
): Promise<StudentRecord | null> {
  const rows = await tx
    .update(students)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(students.id, id))
    .returning();
  return rows[0] ?? null;
}

export async function sectionExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.id, id))
    .limit(1);
  return rows.length === 1;
}

/** What keeps a student from being deleted: enrollments of any kind. */
export async function countStudentEnrollments(
  tx: Tx,
  id: string,
): Promise<{ classes: number; sections: number }> {
  const classes = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(classEnrollments)
    .where(eq(classEnrollments.studentId, id));
  const sectionRows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sectionEnrollments)
    .where(eq(sectionEnrollments.studentId, id));
  return { classes: classes[0]?.n ?? 0, sections: sectionRows[0]?.n ?? 0 };
}

/** Deletes the student's own guardian links; returns them for the audit trail. */
export async function deleteGuardianLinksOfStudent(tx: Tx, studentId: string) {
  return tx.delete(studentGuardians).where(eq(studentGuardians.studentId, studentId)).returning();
}

export async function deleteStudent(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.delete(students).where(eq(students.id, id)).returning({ id: students.id });
  return rows.length === 1;
}
