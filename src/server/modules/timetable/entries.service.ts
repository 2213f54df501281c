import type {
  CreateEntryBody,
  TimetableEntry,
  UpdateEntryBody,
} from '../../../shared/contracts/timetable.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';
import { unknownReference } from '../academics/academics.errors.js';
import {
  deleteEntry as deleteEntryRow,
  findClassForEntry,
  findEntry,
  findEntryView,
  findPeriod,
  insertEntries,
  listSlotEntries,
  lockTermTimetable,
  roomExists,
  updateEntry as updateEntryRow,
  type ClassForEntry,
  type EntryRow,
  type PeriodRow,
} from './timetable.repository.js';
import { dayName, findClashes, type Clash, type SlotEntry } from './timetable.rules.js';
import { toEntry, toSlotEntry } from './timetable.views.js';

// Timetable entries: a class in a period on a weekday. The term and section come from the
// class; the teacher must be one of the class's teachers. Every write first takes the term's
// timetable lock, then checks the slot for clashes, so the refusal can name them; the unique
// indexes stay behind that as the last line.

const entryNotFound = () => new AppError('TIMETABLE_ENTRY_NOT_FOUND', 'No such timetable entry.');

/** A clash refusal: the message names every clash, one detail each. */
export function conflictError(clashes: Clash[]): AppError {
  return new AppError(
    'TIMETABLE_CONFLICT',
    clashes.map((c) => c.message).join(' '),
    clashes.map(({ field, code, message }) => ({ field, code, message })),
  );
}

const SLOT_INDEXES: Record<string, Pick<Clash, 'field' | 'code'> & { what: string }> = {
  timetable_entries_class_slot_key: { field: 'classId', code: 'class_busy', what: 'class' },
  timetable_entries_teacher_slot_key: { field: 'teacherId', code: 'teacher_busy', what: 'teacher' },
  timetable_entries_room_slot_key: { field: 'roomId', code: 'room_busy', what: 'room' },
  timetable_entries_section_slot_key: { field: 'sectionId', code: 'section_busy', what: 'section' },
};

/**
 * The unique indexes catch a double booking that slipped past the check (a write outside the
 * lock); it is the same conflict, only without the names. A reference deleted meanwhile is a
 * validation error.
 */
export function slotWriteRefused(error: unknown): never {
  for (const [index, { field, code, what }] of Object.entries(SLOT_INDEXES)) {
    if (isUniqueViolation(error, index)) {
      const message = `The ${what} is already timetabled in this slot.`;
      throw new AppError('TIMETABLE_CONFLICT', message, [{ field, code, message }]);
    }
  }
  if (isForeignKeyViolation(error)) {
    throw new AppError('VALIDATION_FAILED', 'A record this refers to no longer exists.');
  }
  throw error;
}

function entryFields(row: EntryRow) {
  return {
    termId: row.termId,
    classId: row.classId,
    day: row.day,
    periodId: row.periodId,
    roomId: row.roomId,
    teacherId: row.teacherId,
    sectionId: row.sectionId,
  };
}

/** The teacher an entry gets: the one asked for (a teacher of the class), else its only one. */
function resolveTeacher(
  klass: ClassForEntry,
  asked: string | null | undefined,
  current: string | null | undefined,
  problems: ErrorDetail[],
): string | null {
  if (asked === null) return null;
  if (asked !== undefined) {
    if (!klass.teacherIds.includes(asked)) {
      problems.push({
        field: 'teacherId',
        code: 'not_class_teacher',
        message: `is not a teacher of ${klass.name}`,
      });
    }
    return asked;
  }
  if (current && klass.teacherIds.includes(current)) return current;
  return klass.teacherIds.length === 1 ? (klass.teacherIds[0] ?? null) : null;
}

function dayProblem(period: PeriodRow, day: number): ErrorDetail | null {
  if (period.days.includes(day)) return null;
  const runs = [...period.days].sort((a, b) => a - b).map(dayName);
  return {
    field: 'day',
    code: 'not_period_day',
    message: `${period.name} does not run on ${dayName(day)}; it runs on ${runs.join(', ')}`,
  };
}

interface Placement {
  id: string;
  klass: ClassForEntry;
  period: PeriodRow;
  day: number;
  roomId: string | null;
  teacherId: string | null;
}

/** Refuses the placement with TIMETABLE_CONFLICT when anything in its slot clashes. */
async function assertSlotFree(tx: Tx, p: Placement): Promise<void> {
  const slot = await listSlotEntries(
    tx,
    { termId: p.klass.termId, day: p.day, periodId: p.period.id },
    p.id,
  );
  const candidate: SlotEntry = {
    id: p.id,
    classId: p.klass.id,
    className: p.klass.name,
    sectionId: p.klass.sectionId,
    sectionName: p.klass.sectionName,
    gradeLevelId: p.klass.gradeLevelId,
    gradeLevelName: p.klass.gradeLevelName,
    roomId: p.roomId,
    roomName: null,
    teacherId: p.teacherId,
    teacherName: null,
  };
  const clashes = findClashes(candidate, slot.map(toSlotEntry), {
    day: p.day,
    periodName: p.period.name,
  });
  if (clashes.length > 0) throw conflictError(clashes);
}

async function viewOf(tx: Tx, id: string): Promise<TimetableEntry> {
  const view = await findEntryView(tx, id);
  if (!view) throw entryNotFound();
  return toEntry(view);
}

export async function createEntry(
  ctx: TenantContext,
  input: CreateEntryBody,
): Promise<TimetableEntry> {
  requirePermission(ctx, 'timetable:manage');
  return ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const klass = await findClassForEntry(tx, input.classId);
      if (!klass) throw invalid([unknownReference('classId', 'a class')]);
      await lockTermTimetable(tx, klass.termId);
      const placement = await resolvePlacement(tx, newId(), klass, {
        day: input.day,
        periodId: input.periodId,
        roomId: input.roomId === undefined ? klass.roomId : input.roomId,
        teacherId: input.teacherId,
        currentTeacherId: undefined,
      });
      await assertSlotFree(tx, placement);
      const [row] = await insertEntries(tx, [
        {
          schoolId: ctx.schoolId,
          id: placement.id,
          termId: klass.termId,
          classId: klass.id,
          day: placement.day,
          periodId: placement.period.id,
          roomId: placement.roomId,
          teacherId: placement.teacherId,
          sectionId: klass.sectionId,
        },
      ]);
      if (!row) throw new Error('insert into timetable_entries returned no row');
      await recordAudit(tx, ctx, {
        action: 'timetable_entry.created',
        entityType: 'timetable_entry',
        entityId: row.id,
        after: entryFields(row),
      });
      return viewOf(tx, row.id);
    })
    .catch(slotWriteRefused);
}

function invalid(problems: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', 'The timetable entry is not valid.', problems);
}

/** Checks the period, day, room and teacher of a placement, reporting every problem at once. */
async function resolvePlacement(
  tx: Tx,
  id: string,
  klass: ClassForEntry,
  asked: {
    day: number;
    periodId: string;
    roomId: string | null;
    teacherId: string | null | undefined;
    currentTeacherId: string | null | undefined;
  },
): Promise<Placement> {
  const problems: ErrorDetail[] = [];
  // Shared: the period's days cannot change under this write until it commits.
  const period = await findPeriod(tx, asked.periodId, 'share');
  if (!period) problems.push(unknownReference('periodId', 'a period'));
  const day = period ? dayProblem(period, asked.day) : null;
  if (day) problems.push(day);
  if (asked.roomId && !(await roomExists(tx, asked.roomId))) {
    problems.push(unknownReference('roomId', 'a room'));
  }
  const teacherId = resolveTeacher(klass, asked.teacherId, asked.currentTeacherId, problems);
  if (!period || problems.length > 0) throw invalid(problems);
  return { id, klass, period, day: asked.day, roomId: asked.roomId, teacherId };
}

/**
 * Locks the entry and the timetable of its term. The term's lock comes first (as a copy into
 * the term takes it), so the entry is read once unlocked to learn its term, then again.
 */
async function lockEntry(tx: Tx, unverifiedId: string, alsoTermId?: string): Promise<EntryRow> {
  const seen = await findEntry(tx, unverifiedId);
  if (!seen) throw entryNotFound();
  const termIds = [...new Set([seen.termId, alsoTermId ?? seen.termId])].sort();
  for (const termId of termIds) await lockTermTimetable(tx, termId);
  const row = await findEntry(tx, seen.id, 'update');
  if (!row) throw entryNotFound();
  if (row.termId !== seen.termId) {
    throw new AppError('CONFLICT', 'This entry was changed at the same moment; try again.');
  }
  return row;
}

export async function updateEntry(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateEntryBody,
): Promise<TimetableEntry> {
  requirePermission(ctx, 'timetable:manage');
  return ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      let klass: ClassForEntry | null = null;
      if (input.classId !== undefined) {
        klass = await findClassForEntry(tx, input.classId);
        if (!klass) {
          if (!(await findEntry(tx, unverifiedId))) throw entryNotFound();
          throw invalid([unknownReference('classId', 'a class')]);
        }
      }
      const before = await lockEntry(tx, unverifiedId, klass?.termId);
      klass ??= await findClassForEntry(tx, before.classId);
      if (!klass) throw entryNotFound();
      const placement = await resolvePlacement(tx, before.id, klass, {
        day: input.day ?? before.day,
        periodId: input.periodId ?? before.periodId,
        roomId: input.roomId !== undefined ? input.roomId : before.roomId,
        teacherId: input.teacherId,
        currentTeacherId: before.teacherId,
      });
      await assertSlotFree(tx, placement);
      const after = await updateEntryRow(tx, before.id, {
        termId: klass.termId,
        classId: klass.id,
        sectionId: klass.sectionId,
        day: placement.day,
        periodId: placement.period.id,
        roomId: placement.roomId,
        teacherId: placement.teacherId,
      });
      await recordUpdate(
        tx,
        ctx,
        'timetable_entry',
        before.id,
        entryFields(before),
        entryFields(after),
      );
      return viewOf(tx, before.id);
    })
    .catch(slotWriteRefused);
}

export async function deleteEntry(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'timetable:manage');
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const row = await lockEntry(tx, unverifiedId);
    await deleteEntryRow(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'timetable_entry.deleted',
      entityType: 'timetable_entry',
      entityId: row.id,
      before: entryFields(row),
    });
  });
}
