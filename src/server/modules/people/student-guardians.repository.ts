import { and, asc, desc, eq, ne, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { users } from '../users/users.table.js';
import { guardianUserJoin, type GuardianRow } from './guardians.repository.js';
import { guardians, studentGuardians, students } from './people.table.js';
import { studentUserJoin, type StudentRow } from './students.repository.js';

export type StudentGuardianRecord = typeof studentGuardians.$inferSelect;
export type LinkFlags = Pick<
  StudentGuardianRecord,
  'relationship' | 'isPrimary' | 'portalAccess' | 'pickupAllowed' | 'noContact'
>;

export async function findLink(
  tx: Tx,
  studentId: string,
  guardianId: string,
): Promise<StudentGuardianRecord | null> {
  const rows = await tx
    .select()
    .from(studentGuardians)
    .where(
      and(eq(studentGuardians.studentId, studentId), eq(studentGuardians.guardianId, guardianId)),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function insertLink(
  tx: Tx,
  row: typeof studentGuardians.$inferInsert,
): Promise<StudentGuardianRecord> {
  const rows = await tx.insert(studentGuardians).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into student_guardians returned no row');
  return inserted;
}

export async function updateLink(
  tx: Tx,
  studentId: string,
  guardianId: string,
  flags: LinkFlags,
): Promise<StudentGuardianRecord | null> {
  const rows = await tx
    .update(studentGuardians)
    .set(flags)
    .where(
      and(eq(studentGuardians.studentId, studentId), eq(studentGuardians.guardianId, guardianId)),
    )
    .returning();
  return rows[0] ?? null;
}

/** Clears the primary flag on the student's other links; returns whose it was. */
export async function clearOtherPrimaries(
  tx: Tx,
  studentId: string,
  keepGuardianId: string,
): Promise<string[]> {
  const rows = await tx
    .update(studentGuardians)
    .set({ isPrimary: false })
    .where(
      and(
        eq(studentGuardians.studentId, studentId),
        ne(studentGuardians.guardianId, keepGuardianId),
        eq(studentGuardians.isPrimary, true),
      ),
    )
    .returning({ guardianId: studentGuardians.guardianId });
  return rows.map((r) => r.guardianId);
}

export async function deleteLink(
  tx: Tx,
  studentId: string,
  guardianId: string,
): Promise<StudentGuardianRecord | null> {
  const rows = await tx
    .delete(studentGuardians)
    .where(
      and(eq(studentGuardians.studentId, studentId), eq(studentGuardians.guardianId, guardianId)),
    )
    .returning();
  return rows[0] ?? null;
}

/** The student's guardians that the guardian scope admits, primary contact first. */
export async function listGuardiansOfStudent(
  tx: Tx,
  studentId: string,
  guardianScope: SQL | null,
): Promise<{ link: StudentGuardianRecord; guardian: GuardianRow }[]> {
  const rows = await tx
    .select({ link: studentGuardians, guardian: guardians, userId: users.id })
    .from(studentGuardians)
    .innerJoin(
      guardians,
      and(
        eq(guardians.schoolId, studentGuardians.schoolId),
        eq(guardians.id, studentGuardians.guardianId),
      ),
    )
    .leftJoin(users, guardianUserJoin)
    .where(and(eq(studentGuardians.studentId, studentId), guardianScope ?? undefined))
    .orderBy(
      desc(studentGuardians.isPrimary),
      asc(guardians.lastName),
      asc(guardians.firstName),
      asc(guardians.id),
    );
  return rows.map((r) => ({ link: r.link, guardian: { ...r.guardian, userId: r.userId } }));
}

/** The guardian's students that the student scope admits, by name. */
export async function listStudentsOfGuardian(
  tx: Tx,
  guardianId: string,
  studentScope: SQL | null,
): Promise<{ link: StudentGuardianRecord; student: StudentRow }[]> {
  const rows = await tx
    .select({ link: studentGuardians, student: students, userId: users.id })
    .from(studentGuardians)
    .innerJoin(
      students,
      and(
        eq(students.schoolId, studentGuardians.schoolId),
        eq(students.id, studentGuardians.studentId),
      ),
    )
    .leftJoin(users, studentUserJoin)
    .where(and(eq(studentGuardians.guardianId, guardianId), studentScope ?? undefined))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
  return rows.map((r) => ({ link: r.link, student: { ...r.student, userId: r.userId } }));
}
