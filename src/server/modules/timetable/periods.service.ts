import type {
  CreatePeriodBody,
  Period,
  PeriodList,
  UpdatePeriodBody,
} from '../../../shared/contracts/timetable.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { assertNotInUse, deleteRefused, writeRefused } from '../academics/academics.errors.js';
import {
  countPeriodEntries,
  deletePeriod as deletePeriodRow,
  findPeriod,
  insertPeriod,
  listPeriods as listPeriodRows,
  lockPeriodWrites,
  updatePeriod as updatePeriodRow,
  type PeriodRow,
} from './timetable.repository.js';
import { clockTime, dayName, periodProblems } from './timetable.rules.js';

// Periods: the slots of the school day and the weekdays each runs on. Not personal data, so
// anyone who may read the timetable reads all of them; only admins change them.

const periodNotFound = () => new AppError('PERIOD_NOT_FOUND', 'No such period.');
const periodConflicts = writeRefused({
  periods_school_name_key: { field: 'name', message: 'is already a period in this school' },
});

function sortedDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

export function toPeriod(row: PeriodRow): Period {
  return {
    id: row.id,
    name: row.name,
    startsAt: clockTime(row.startsAt),
    endsAt: clockTime(row.endsAt),
    days: sortedDays(row.days),
    sortOrder: row.sortOrder,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function periodFields(row: PeriodRow) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = toPeriod(row);
  return fields;
}

function assertValidTimes(
  period: { id?: string; name: string; startsAt: string; endsAt: string; days: number[] },
  others: PeriodRow[],
): void {
  const problems = periodProblems(
    period,
    others.map((o) => ({ ...o, startsAt: clockTime(o.startsAt), endsAt: clockTime(o.endsAt) })),
  );
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The period times are not valid.', problems);
  }
}

/** Every period, by position then start time; a school has a handful, so one page. */
export async function listPeriods(ctx: TenantContext): Promise<PeriodList> {
  requirePermission(ctx, 'timetable:read');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) => listPeriodRows(tx));
  return { items: rows.map(toPeriod), nextCursor: null };
}

export async function getPeriod(ctx: TenantContext, unverifiedId: string): Promise<Period> {
  requirePermission(ctx, 'timetable:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findPeriod(tx, unverifiedId));
  if (!row) throw periodNotFound();
  return toPeriod(row);
}

export async function createPeriod(ctx: TenantContext, input: CreatePeriodBody): Promise<Period> {
  requirePermission(ctx, 'timetable:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await lockPeriodWrites(tx, ctx.schoolId);
      const others = await listPeriodRows(tx);
      const days = sortedDays(input.days);
      const name = input.name.trim();
      assertValidTimes({ name, startsAt: input.startsAt, endsAt: input.endsAt, days }, others);
      const created = await insertPeriod(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        name,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        days,
        // Left out, a new period goes after the last one.
        sortOrder: input.sortOrder ?? Math.max(0, ...others.map((o) => o.sortOrder + 1)),
      });
      await recordAudit(tx, ctx, {
        action: 'period.created',
        entityType: 'period',
        entityId: created.id,
        after: periodFields(created),
      });
      return created;
    })
    .catch(periodConflicts);
  return toPeriod(row);
}

export async function updatePeriod(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdatePeriodBody,
): Promise<Period> {
  requirePermission(ctx, 'timetable:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await lockPeriodWrites(tx, ctx.schoolId);
      const before = await findPeriod(tx, unverifiedId, 'update');
      if (!before) throw periodNotFound();
      const days = input.days ? sortedDays(input.days) : sortedDays(before.days);
      const next = {
        id: before.id,
        name: input.name?.trim() ?? before.name,
        startsAt: input.startsAt ?? clockTime(before.startsAt),
        endsAt: input.endsAt ?? clockTime(before.endsAt),
        days,
      };
      assertValidTimes(next, await listPeriodRows(tx));
      // Entries on a weekday the period stops running would be left in a slot that no longer is.
      const dropped = before.days.filter((d) => !days.includes(d));
      const stranded = await countPeriodEntries(tx, before.id, dropped);
      if (stranded > 0) {
        throw new AppError(
          'IN_USE',
          `${stranded === 1 ? '1 timetable entry uses' : `${stranded} timetable entries use`} ` +
            `this period on ${dropped.map(dayName).join(', ')}; move or remove them first.`,
          [{ field: 'days', code: 'in_use', message: `${stranded} timetable entries` }],
        );
      }
      const updated = await updatePeriodRow(tx, before.id, {
        name: next.name,
        startsAt: next.startsAt,
        endsAt: next.endsAt,
        days,
        ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      });
      await recordUpdate(tx, ctx, 'period', before.id, periodFields(before), periodFields(updated));
      return updated;
    })
    .catch(periodConflicts);
  return toPeriod(row);
}

export async function deletePeriod(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'timetable:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const found = await findPeriod(tx, unverifiedId, 'update');
      if (!found) throw periodNotFound();
      assertNotInUse('period', [
        [await countPeriodEntries(tx, found.id), 'timetable entry', 'timetable entries'],
      ]);
      // Attendance registers taken in the period surface through the foreign key as IN_USE.
      await deletePeriodRow(tx, found.id);
      await recordAudit(tx, ctx, {
        action: 'period.deleted',
        entityType: 'period',
        entityId: found.id,
        before: periodFields(found),
      });
    })
    .catch(deleteRefused('period'));
}
