import {
  MAX_SCALES_PER_SCHOOL,
  type CreateGradingScaleBody,
  type GradebookSettings,
  type GradingScale,
  type GradingScaleList,
  type UpdateGradebookSettingsBody,
  type UpdateGradingScaleBody,
} from '../../../shared/contracts/gradebook.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  clearDefaultScale,
  countScales,
  deleteScale as deleteScaleRow,
  findScale,
  findSettings,
  insertScale,
  listScales as listScaleRows,
  lockScales,
  updateScale as updateScaleRow,
  upsertSettings,
  type ScaleRow,
} from './gradebook.repository.js';
import { BUILT_IN_SCALE, bandProblems, normaliseBands } from './grading-scale.rules.js';

// Grading scales (one default per school) and the school's gradebook settings. Every write
// takes the school's scale lock first, so "the first scale becomes the default" and
// "exactly one default" hold under concurrent requests.

const scaleNotFound = () => new AppError('GRADING_SCALE_NOT_FOUND', 'No such grading scale.');

function toScale(row: ScaleRow): GradingScale {
  return {
    id: row.id,
    name: row.name,
    bands: row.bands,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const scaleFields = (row: ScaleRow) => ({
  name: row.name,
  bands: row.bands,
  isDefault: row.isDefault,
});

function checkBands(bands: CreateGradingScaleBody['bands']) {
  const problems = bandProblems(bands);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The grading scale is not valid.', problems);
  }
  return normaliseBands(bands);
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'grading_scales_school_name_key')) {
    throw new AppError('CONFLICT', 'Another grading scale already has this name.', [
      { field: 'name', code: 'taken', message: 'is already a grading scale' },
    ]);
  }
  throw error;
}

export async function listScales(ctx: TenantContext): Promise<GradingScaleList> {
  requirePermission(ctx, 'grades:read');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listScaleRows(tx, ctx.schoolId),
  );
  const current = rows.find((r) => r.isDefault);
  return {
    items: rows.map(toScale),
    effective: current
      ? { id: current.id, name: current.name, bands: current.bands }
      : { id: null, name: BUILT_IN_SCALE.name, bands: BUILT_IN_SCALE.bands },
  };
}

export async function createScale(
  ctx: TenantContext,
  input: CreateGradingScaleBody,
): Promise<GradingScale> {
  requirePermission(ctx, 'grades:manage');
  const bands = checkBands(input.bands);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await lockScales(tx, ctx.schoolId);
      const existing = await countScales(tx, ctx.schoolId);
      // A school needs a handful of scales; the cap keeps the list whole, without pages.
      if (existing >= MAX_SCALES_PER_SCHOOL) {
        throw new AppError(
          'RULE_VIOLATION',
          `A school has at most ${MAX_SCALES_PER_SCHOOL} grading scales.`,
        );
      }
      const isDefault = input.isDefault === true || existing === 0;
      const id = newId();
      if (isDefault) await clearDefaultScale(tx, ctx.schoolId, id);
      const created = await insertScale(tx, {
        schoolId: ctx.schoolId,
        id,
        name: input.name.trim(),
        bands,
        isDefault,
      });
      await recordAudit(tx, ctx, {
        action: 'grading_scale.created',
        entityType: 'grading_scale',
        entityId: created.id,
        after: scaleFields(created),
      });
      return created;
    })
    .catch(nameTaken);
  return toScale(row);
}

async function lockedScale(tx: Tx, ctx: TenantContext, unverifiedId: string): Promise<ScaleRow> {
  await lockScales(tx, ctx.schoolId);
  const row = await findScale(tx, ctx.schoolId, unverifiedId);
  if (!row) throw scaleNotFound();
  return row;
}

export async function updateScale(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateGradingScaleBody,
): Promise<GradingScale> {
  requirePermission(ctx, 'grades:manage');
  const bands = input.bands ? checkBands(input.bands) : undefined;
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await lockedScale(tx, ctx, unverifiedId);
      const after = await updateScaleRow(tx, ctx.schoolId, before.id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(bands ? { bands } : {}),
      });
      await recordUpdate(
        tx,
        ctx,
        'grading_scale',
        after.id,
        scaleFields(before),
        scaleFields(after),
      );
      return after;
    })
    .catch(nameTaken);
  return toScale(row);
}

export async function makeScaleDefault(
  ctx: TenantContext,
  unverifiedId: string,
): Promise<GradingScale> {
  requirePermission(ctx, 'grades:manage');
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const before = await lockedScale(tx, ctx, unverifiedId);
    if (before.isDefault) return before;
    await clearDefaultScale(tx, ctx.schoolId, before.id);
    const after = await updateScaleRow(tx, ctx.schoolId, before.id, { isDefault: true });
    await recordAudit(tx, ctx, {
      action: 'grading_scale.made_default',
      entityType: 'grading_scale',
      entityId: after.id,
      before: { isDefault: false },
      after: { isDefault: true },
    });
    return after;
  });
  return toScale(row);
}

/**
 * Deletes a scale. The default one goes only when it is the last: otherwise another must be
 * made the default first, so averages never silently change scale.
 */
export async function deleteScale(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'grades:manage');
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const row = await lockedScale(tx, ctx, unverifiedId);
    if (row.isDefault && (await countScales(tx, ctx.schoolId)) > 1) {
      throw new AppError(
        'CONFLICT',
        'This is the default grading scale; make another scale the default first.',
        [{ field: 'isDefault', code: 'default_scale', message: 'is the default scale' }],
      );
    }
    await deleteScaleRow(tx, ctx.schoolId, row.id);
    await recordAudit(tx, ctx, {
      action: 'grading_scale.deleted',
      entityType: 'grading_scale',
      entityId: row.id,
      before: scaleFields(row),
    });
  });
}

function toSettings(row: { missingCountsAsZero: boolean; updatedAt: Date | null }) {
  return {
    missingCountsAsZero: row.missingCountsAsZero,
    updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null,
  };
}

export async function getGradebookSettings(ctx: TenantContext): Promise<GradebookSettings> {
  requirePermission(ctx, 'grades:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findSettings(tx, ctx.schoolId),
  );
  return toSettings(row);
}

export async function updateGradebookSettings(
  ctx: TenantContext,
  input: UpdateGradebookSettingsBody,
): Promise<GradebookSettings> {
  requirePermission(ctx, 'grades:manage');
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const before = await findSettings(tx, ctx.schoolId);
    const after = await upsertSettings(tx, ctx.schoolId, {
      missingCountsAsZero: input.missingCountsAsZero,
    });
    await recordUpdate(
      tx,
      ctx,
      'gradebook_settings',
      ctx.schoolId,
      { missingCountsAsZero: before.missingCountsAsZero },
      { missingCountsAsZero: after.missingCountsAsZero },
    );
    return after;
  });
  return toSettings(row);
}
