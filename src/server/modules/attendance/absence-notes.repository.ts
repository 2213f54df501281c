import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { guardians, students } from '../people/people.table.js';
import { absenceNotes, attendanceMarks } from './attendance.table.js';

// Guardians' absence notes and the marks that accepting one excuses.

export type AbsenceNoteRow = typeof absenceNotes.$inferSelect;

export interface AbsenceNoteWithNames extends AbsenceNoteRow {
  studentFirstName: string;
  studentLastName: string;
  guardianFirstName: string;
  guardianLastName: string;
}

function withNames(tx: Tx) {
  return tx
    .select({
      note: absenceNotes,
      studentFirstName: students.firstName,
      studentLastName: students.lastName,
      guardianFirstName: guardians.firstName,
      guardianLastName: guardians.lastName,
    })
    .from(absenceNotes)
    .innerJoin(
      students,
      and(eq(students.schoolId, absenceNotes.schoolId), eq(students.id, absenceNotes.studentId)),
    )
    .innerJoin(
      guardians,
      and(eq(guardians.schoolId, absenceNotes.schoolId), eq(guardians.id, absenceNotes.guardianId)),
    );
}

interface Joined {
  note: AbsenceNoteRow;
  studentFirstName: string;
  studentLastName: string;
  guardianFirstName: string;
  guardianLastName: string;
}

function flatten(row: Joined): AbsenceNoteWithNames {
  return {
    ...row.note,
    studentFirstName: row.studentFirstName,
    studentLastName: row.studentLastName,
    guardianFirstName: row.guardianFirstName,
    guardianLastName: row.guardianLastName,
  };
}

/** Newest first; `visible` is a student scope condition (null: every note). */
export async function listNotes(
  tx: Tx,
  filter: {
    visible: SQL | null;
    status?: AbsenceNoteRow['status'];
    studentId?: string;
    beforeId?: string;
    limit: number;
  },
): Promise<AbsenceNoteWithNames[]> {
  const rows = await withNames(tx)
    .where(
      and(
        filter.visible ?? undefined,
        filter.status ? eq(absenceNotes.status, filter.status) : undefined,
        filter.studentId ? eq(absenceNotes.studentId, filter.studentId) : undefined,
        filter.beforeId ? sql`${absenceNotes.id} < ${filter.beforeId}` : undefined,
      ),
    )
    .orderBy(sql`${absenceNotes.id} desc`)
    .limit(filter.limit + 1);
  return rows.map(flatten);
}

export async function findNote(
  tx: Tx,
  id: string,
  visible: SQL | null,
  lock?: 'update',
): Promise<AbsenceNoteWithNames | null> {
  const query = withNames(tx)
    .where(and(eq(absenceNotes.id, id), visible ?? undefined))
    .limit(1);
  const rows = lock ? await query.for(lock, { of: absenceNotes }) : await query;
  const row = rows[0];
  return row ? flatten(row) : null;
}

export async function insertNote(
  tx: Tx,
  row: typeof absenceNotes.$inferInsert,
): Promise<AbsenceNoteRow> {
  const rows = await tx.insert(absenceNotes).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into absence_notes returned no row');
  return inserted;
}

export async function setNoteStatus(
  tx: Tx,
  id: string,
  fields: Pick<AbsenceNoteRow, 'status'> &
    Partial<Pick<AbsenceNoteRow, 'reviewedBy' | 'reviewedByName' | 'reviewComment'>> & {
      reviewed: boolean;
    },
): Promise<AbsenceNoteRow> {
  const { reviewed, ...rest } = fields;
  const rows = await tx
    .update(absenceNotes)
    .set({ ...rest, ...(reviewed ? { reviewedAt: sql`now()` } : {}), updatedAt: sql`now()` })
    .where(eq(absenceNotes.id, id))
    .returning();
  const row = rows[0];
  if (!row) throw new Error('update of absence_notes returned no row');
  return row;
}

/**
 * Turns the student's absent marks within the dates into excused and returns what changed,
 * so each gets a history row in the same transaction.
 */
export async function excuseAbsences(
  tx: Tx,
  studentId: string,
  dates: { from: string; to: string },
  by: { userId: string | null; name: string },
): Promise<{ registerId: string; note: string | null }[]> {
  return tx
    .update(attendanceMarks)
    .set({
      status: 'excused',
      updatedBy: by.userId,
      updatedByName: by.name,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(attendanceMarks.studentId, studentId),
        gte(attendanceMarks.date, dates.from),
        lte(attendanceMarks.date, dates.to),
        eq(attendanceMarks.status, 'absent'),
      ),
    )
    .returning({ registerId: attendanceMarks.registerId, note: attendanceMarks.note });
}
