import type { SQL } from 'drizzle-orm';
import type {
  AbsenceNote,
  AbsenceNoteListQuery,
  CreateAbsenceNoteBody,
  ReviewAbsenceNoteBody,
  ReviewedAbsenceNote,
} from '../../../shared/contracts/attendance.js';
import { recordAudit } from '../../platform/audit/audit.js';
import {
  hasPermission,
  requirePermission,
  type Actor,
  type TenantContext,
} from '../../platform/auth/context.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { findVisibleStudent } from '../enrollment/enrollment.repository.js';
import { studentScopeCondition } from '../people/scope.js';
import {
  excuseAbsences,
  findNote,
  insertNote,
  listNotes,
  setNoteStatus,
  type AbsenceNoteRow,
  type AbsenceNoteWithNames,
} from './absence-notes.repository.js';
import { insertHistory } from './attendance.repository.js';

// A guardian explains a child's absence; staff accept or reject it once. Accepting turns the
// child's absent marks within the dates into excused, with history, in the same transaction.

export const ACCEPTED_REASON = 'Absence note accepted';

const forbidden = (message = 'You do not have permission to do this.') =>
  new AppError('FORBIDDEN', message);
const noteNotFound = () => new AppError('ABSENCE_NOTE_NOT_FOUND', 'No such absence note.');

function toNote(row: AbsenceNoteWithNames): AbsenceNote {
  return {
    id: row.id,
    studentId: row.studentId,
    studentName: `${row.studentFirstName} ${row.studentLastName}`,
    guardianId: row.guardianId,
    guardianName: `${row.guardianFirstName} ${row.guardianLastName}`,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    reason: row.reason,
    status: row.status,
    reviewedByName: row.reviewedByName,
    reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
    reviewComment: row.reviewComment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function merge(names: AbsenceNoteWithNames, row: AbsenceNoteRow): AbsenceNoteWithNames {
  return { ...names, ...row };
}

function noteFields(row: AbsenceNoteRow) {
  return {
    studentId: row.studentId,
    guardianId: row.guardianId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
  };
}

/** A guardian acting for her children (linked with portal access); anyone else is refused. */
function requireGuardian(ctx: TenantContext): { actor: Actor; guardianId: string; children: SQL } {
  const { actor, scopes } = requirePermission(ctx, 'attendance:read');
  const guardianId = actor.linkedGuardianId;
  const children = scopes.includes('children') ? studentScopeCondition(actor, ['children']) : null;
  if (!guardianId || !children) {
    throw forbidden('Only a guardian can send or withdraw an absence note.');
  }
  return { actor, guardianId, children };
}

/** Staff and admins review every note: attendance:record over the whole school, or manage. */
function requireReviewer(ctx: TenantContext): Actor {
  const { actor, scopes } = requirePermission(ctx, 'attendance:record');
  if (!scopes.includes('all') && !hasPermission(actor, 'attendance:manage')) {
    throw forbidden('Only staff and administrators review absence notes.');
  }
  return actor;
}

export async function submitAbsenceNote(
  ctx: TenantContext,
  input: CreateAbsenceNoteBody,
): Promise<AbsenceNote> {
  const { actor, guardianId, children } = requireGuardian(ctx);
  if (input.endsOn < input.startsOn) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid.', [
      { field: 'endsOn', code: 'before_start', message: 'must be on or after startsOn' },
    ]);
  }
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const student = await findVisibleStudent(tx, input.studentId, children);
    if (!student) throw new AppError('STUDENT_NOT_FOUND', 'No such student.');
    const row = await insertNote(tx, {
      schoolId: ctx.schoolId,
      id: newId(),
      studentId: student.id,
      guardianId,
      submittedBy: actor.userId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason: input.reason.trim(),
    });
    await recordAudit(tx, ctx, {
      action: 'absence_note.submitted',
      entityType: 'absence_note',
      entityId: row.id,
      after: noteFields(row),
    });
    const found = await findNote(tx, row.id, null);
    if (!found) throw new Error('absence note vanished after insert');
    return toNote(found);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Newest first. Reviewers see every note; a guardian her children's; a teacher those of the
 * students she teaches or whose homeroom teacher she is.
 */
export async function listAbsenceNotes(
  ctx: TenantContext,
  query: AbsenceNoteListQuery,
): Promise<{ items: AbsenceNote[]; nextCursor: string | null }> {
  const { actor, scopes } = requirePermission(ctx, 'attendance:read');
  let visible: SQL | null = null;
  const reviewer =
    hasPermission(actor, 'attendance:manage') ||
    (actor.grants['attendance:record'] ?? []).includes('all');
  if (!reviewer) {
    const related = scopes.filter((s) => s === 'children' || s === 'own-classes');
    if (related.length === 0) throw forbidden();
    visible = studentScopeCondition(actor, related);
  }
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string']);
  const beforeId = after ? String(after[0]) : undefined;
  if (beforeId !== undefined && !UUID.test(beforeId)) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
      { field: 'cursor', code: 'invalid', message: 'is not a cursor from this list' },
    ]);
  }
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listNotes(tx, {
      visible,
      limit,
      ...(query.status ? { status: query.status } : {}),
      ...(query.studentId ? { studentId: query.studentId } : {}),
      ...(beforeId ? { beforeId } : {}),
    }),
  );
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toNote),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}

function alreadyReviewed(row: AbsenceNoteRow): AppError {
  return new AppError('ABSENCE_NOTE_REVIEWED', `This absence note is already ${row.status}.`);
}

export async function reviewAbsenceNote(
  ctx: TenantContext,
  unverifiedId: string,
  decision: 'accepted' | 'rejected',
  input: ReviewAbsenceNoteBody,
): Promise<ReviewedAbsenceNote> {
  const actor = requireReviewer(ctx);
  const comment = input.comment?.trim() || null;
  const who = { userId: actor.userId, name: actor.name };
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const note = await findNote(tx, unverifiedId, null, 'update');
    if (!note) throw noteNotFound();
    if (note.status !== 'pending') throw alreadyReviewed(note);
    const excused =
      decision === 'accepted'
        ? await excuseAbsences(tx, note.studentId, { from: note.startsOn, to: note.endsOn }, who)
        : [];
    await insertHistory(
      tx,
      excused.map((mark) => ({
        schoolId: ctx.schoolId,
        id: newId(),
        registerId: mark.registerId,
        studentId: note.studentId,
        previousStatus: 'absent' as const,
        previousNote: mark.note,
        newStatus: 'excused' as const,
        newNote: mark.note,
        reason: ACCEPTED_REASON,
        changedBy: who.userId,
        changedByName: who.name,
      })),
    );
    const row = await setNoteStatus(tx, note.id, {
      status: decision,
      reviewedBy: who.userId,
      reviewedByName: who.name,
      reviewComment: comment,
      reviewed: true,
    });
    await recordAudit(tx, ctx, {
      action: `absence_note.${decision}`,
      entityType: 'absence_note',
      entityId: note.id,
      before: { status: note.status },
      after: {
        status: row.status,
        ...(comment ? { comment } : {}),
        ...(decision === 'accepted' ? { excusedMarks: excused.length } : {}),
      },
    });
    return { ...toNote(merge(note, row)), excusedMarks: excused.length };
  });
}

/** The guardian who sent a note may take it back while nobody has reviewed it. */
export async function withdrawAbsenceNote(
  ctx: TenantContext,
  unverifiedId: string,
): Promise<AbsenceNote> {
  const { guardianId, children } = requireGuardian(ctx);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const note = await findNote(tx, unverifiedId, children, 'update');
    if (!note) throw noteNotFound();
    if (note.guardianId !== guardianId) {
      throw forbidden('Only the guardian who sent this note can withdraw it.');
    }
    if (note.status !== 'pending') throw alreadyReviewed(note);
    const row = await setNoteStatus(tx, note.id, { status: 'withdrawn', reviewed: false });
    await recordAudit(tx, ctx, {
      action: 'absence_note.withdrawn',
      entityType: 'absence_note',
      entityId: note.id,
      before: { status: note.status },
      after: { status: row.status },
    });
    return toNote(merge(note, row));
  });
}
