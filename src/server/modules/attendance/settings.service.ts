import type {
  AttendanceSettings,
  CreateUnlockBody,
  Unlock,
  UnlockListQuery,
  UpdateAttendanceSettingsBody,
} from '../../../shared/contracts/attendance.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import {
  hasPermission,
  requirePermission,
  type TenantContext,
} from '../../platform/auth/context.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { schoolToday } from '../enrollment/school-date.js';
import { endOfNextDay } from './attendance-dates.js';
import {
  deleteUnlock as deleteUnlockRow,
  findStaffName,
  insertUnlock,
  listUnlocks as listUnlockRows,
  lockSettings,
  readSettings,
  writeSettings,
  type SettingsRow,
  type UnlockRow,
} from './attendance.repository.js';

// The school's attendance settings (recording window, low-attendance threshold) and the
// unlocks an admin grants a staff member to record outside the window.

function toSettings(row: SettingsRow, today: string): AttendanceSettings {
  return {
    editWindowDays: row.editWindowDays,
    lowAttendanceThreshold: row.lowAttendanceThreshold,
    today,
    updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null,
  };
}

/** Readable by whole-school readers and by anyone who records attendance. */
export async function getAttendanceSettings(ctx: TenantContext): Promise<AttendanceSettings> {
  const { actor, scopes } = requirePermission(ctx, 'attendance:read');
  if (!scopes.includes('all') && !hasPermission(actor, 'attendance:record')) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
  }
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => readSettings(tx));
  return toSettings(row, schoolToday(ctx.school.timezone));
}

export async function updateAttendanceSettings(
  ctx: TenantContext,
  input: UpdateAttendanceSettingsBody,
): Promise<AttendanceSettings> {
  requirePermission(ctx, 'attendance:manage');
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    await lockSettings(tx, ctx.schoolId);
    const before = await readSettings(tx);
    const after = await writeSettings(tx, ctx.schoolId, {
      editWindowDays: input.editWindowDays ?? before.editWindowDays,
      lowAttendanceThreshold: input.lowAttendanceThreshold ?? before.lowAttendanceThreshold,
    });
    const fields = (r: SettingsRow) => ({
      editWindowDays: r.editWindowDays,
      lowAttendanceThreshold: r.lowAttendanceThreshold,
    });
    await recordUpdate(tx, ctx, 'attendance_settings', ctx.schoolId, fields(before), fields(after));
    return after;
  });
  return toSettings(row, schoolToday(ctx.school.timezone));
}

function toUnlock(row: UnlockRow & { staffFirstName: string; staffLastName: string }): Unlock {
  return {
    id: row.id,
    staffId: row.staffId,
    staffName: `${row.staffFirstName} ${row.staffLastName}`,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    expiresAt: row.expiresAt.toISOString(),
    reason: row.reason,
    grantedByName: row.grantedByName,
    createdAt: row.createdAt.toISOString(),
    active: row.expiresAt.getTime() > Date.now(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Newest first (ids are time-ordered). */
export async function listUnlocks(
  ctx: TenantContext,
  query: UnlockListQuery,
): Promise<{ items: Unlock[]; nextCursor: string | null }> {
  requirePermission(ctx, 'attendance:manage');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string']);
  const beforeId = after ? String(after[0]) : undefined;
  if (beforeId !== undefined && !UUID.test(beforeId)) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
      { field: 'cursor', code: 'invalid', message: 'is not a cursor from this list' },
    ]);
  }
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listUnlockRows(tx, {
      ...(query.staffId ? { staffId: query.staffId } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
      ...(beforeId ? { beforeId } : {}),
      limit,
    }),
  );
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toUnlock),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}

export async function createUnlock(ctx: TenantContext, input: CreateUnlockBody): Promise<Unlock> {
  const { actor } = requirePermission(ctx, 'attendance:manage');
  const today = schoolToday(ctx.school.timezone);
  const expiresAt = input.expiresAt
    ? new Date(input.expiresAt)
    : endOfNextDay(today, ctx.school.timezone);
  const problems: ErrorDetail[] = [];
  if (input.endsOn < input.startsOn) {
    problems.push({
      field: 'endsOn',
      code: 'before_start',
      message: 'must be on or after startsOn',
    });
  }
  if (expiresAt.getTime() <= Date.now()) {
    problems.push({ field: 'expiresAt', code: 'past', message: 'must be in the future' });
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', 'The request is not valid.', problems);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const person = await findStaffName(tx, input.staffId);
    if (!person) {
      throw new AppError('VALIDATION_FAILED', 'Some records do not exist.', [
        { field: 'staffId', code: 'unknown', message: 'is not a staff member here' },
      ]);
    }
    const row = await insertUnlock(tx, {
      schoolId: ctx.schoolId,
      id: newId(),
      staffId: input.staffId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      expiresAt,
      reason: input.reason.trim(),
      grantedBy: actor.userId,
      grantedByName: actor.name,
    });
    await recordAudit(tx, ctx, {
      action: 'attendance_unlock.created',
      entityType: 'attendance_unlock',
      entityId: row.id,
      after: {
        staffId: row.staffId,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        expiresAt: row.expiresAt.toISOString(),
        reason: row.reason,
      },
    });
    return toUnlock({ ...row, staffFirstName: person.firstName, staffLastName: person.lastName });
  });
}

export async function deleteUnlock(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'attendance:manage');
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const row = await deleteUnlockRow(tx, unverifiedId);
    if (!row) throw new AppError('ATTENDANCE_UNLOCK_NOT_FOUND', 'No such unlock.');
    await recordAudit(tx, ctx, {
      action: 'attendance_unlock.deleted',
      entityType: 'attendance_unlock',
      entityId: row.id,
      before: {
        staffId: row.staffId,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        expiresAt: row.expiresAt.toISOString(),
        reason: row.reason,
      },
    });
  });
}
