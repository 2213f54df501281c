import {
  MAX_ASSESSMENTS_PER_CLASS,
  type Assessment,
  type AssessmentList,
  type AssessmentListQuery,
  type CreateAssessmentBody,
  type UpdateAssessmentBody,
} from '../../../shared/contracts/gradebook.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type Actor, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { isForeignKeyViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { readableClass, recordableClass } from './gradebook-access.js';
import {
  countAssessments,
  deleteAssessment as deleteAssessmentRow,
  findAssessment,
  findCategory,
  highestPoints,
  insertAssessment,
  listAssessments as listAssessmentRows,
  updateAssessment as updateAssessmentRow,
  type AssessmentRow,
} from './gradebook.repository.js';

// A class's assessments. Teachers of the class (and whole-school recorders) write them and
// see them all; students and guardians see the published ones of classes the student is in.

const assessmentNotFound = () => new AppError('ASSESSMENT_NOT_FOUND', 'No such assessment.');

export function toAssessment(row: AssessmentRow): Assessment {
  return {
    id: row.id,
    classId: row.classId,
    categoryId: row.categoryId,
    title: row.title,
    maxScore: row.maxScore,
    dueOn: row.dueOn,
    published: row.published,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const assessmentFields = (row: AssessmentRow) => ({
  classId: row.classId,
  categoryId: row.categoryId,
  title: row.title,
  maxScore: row.maxScore,
  dueOn: row.dueOn,
  published: row.published,
});

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The category must be one of this class's; it is locked so it cannot go before commit. */
async function checkCategory(tx: Tx, schoolId: string, classId: string, categoryId: string) {
  const category = await findCategory(tx, schoolId, categoryId, 'key share');
  if (!category || category.classId !== classId) {
    throw new AppError('VALIDATION_FAILED', 'The category cannot be used.', [
      { field: 'categoryId', code: 'unknown', message: 'is not a category of this class' },
    ]);
  }
}

function categoryGone(error: unknown): never {
  if (isForeignKeyViolation(error)) {
    throw new AppError('VALIDATION_FAILED', 'A record this refers to no longer exists.', [
      { field: 'categoryId', code: 'unknown', message: 'is not a category of this class' },
    ]);
  }
  throw error;
}

export async function listAssessments(
  ctx: TenantContext,
  query: AssessmentListQuery,
): Promise<AssessmentList> {
  const grant = requirePermission(ctx, 'grades:read');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const { klass, view } = await readableClass(tx, ctx, grant, query.classId);
    return listAssessmentRows(tx, ctx.schoolId, [klass.id], {
      publishedOnly: view === 'published',
    });
  });
  return { items: rows.map(toAssessment) };
}

/**
 * One assessment. Students and guardians get 404 for unpublished ones and for classes the
 * student is not in, so they cannot tell them apart from ids that do not exist.
 */
export async function getAssessment(ctx: TenantContext, unverifiedId: string): Promise<Assessment> {
  const grant = requirePermission(ctx, 'grades:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const found = await findAssessment(tx, ctx.schoolId, unverifiedId);
    if (!found) throw assessmentNotFound();
    const personalOnly = !grant.scopes.includes('all') && !grant.scopes.includes('own-classes');
    try {
      const { view } = await readableClass(tx, ctx, grant, found.classId);
      if (view === 'published' && !found.published) throw assessmentNotFound();
    } catch (error) {
      if (personalOnly && error instanceof AppError && error.code === 'FORBIDDEN') {
        throw assessmentNotFound();
      }
      throw error;
    }
    return found;
  });
  return toAssessment(row);
}

export async function createAssessment(
  ctx: TenantContext,
  input: CreateAssessmentBody,
): Promise<Assessment> {
  const { actor } = requirePermission(ctx, 'grades:record');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const klass = await recordableClass(tx, ctx, actor, input.classId).catch((error) => {
        // A class id in the body that is not this school's is a bad reference, not a path 404.
        if (error instanceof AppError && error.code === 'CLASS_NOT_FOUND') {
          throw new AppError('VALIDATION_FAILED', 'The class cannot be used.', [
            { field: 'classId', code: 'unknown', message: 'is not a class in this school' },
          ]);
        }
        throw error;
      });
      await checkCategory(tx, ctx.schoolId, klass.id, input.categoryId);
      if (
        (await countAssessments(tx, ctx.schoolId, { classId: klass.id })) >=
        MAX_ASSESSMENTS_PER_CLASS
      ) {
        throw new AppError(
          'RULE_VIOLATION',
          `A class has at most ${MAX_ASSESSMENTS_PER_CLASS} assessments.`,
        );
      }
      const created = await insertAssessment(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        classId: klass.id,
        categoryId: input.categoryId,
        title: input.title.trim(),
        maxScore: round2(input.maxScore),
        dueOn: input.dueOn ?? null,
        published: input.published ?? false,
      });
      await recordAudit(tx, ctx, {
        action: 'assessment.created',
        entityType: 'assessment',
        entityId: created.id,
        after: assessmentFields(created),
      });
      return created;
    })
    .catch(categoryGone);
  return toAssessment(row);
}

/** Finds the assessment, checks the actor records its class, then locks it for a change. */
async function lockedAssessment(
  tx: Tx,
  ctx: TenantContext,
  actor: Actor,
  unverifiedId: string,
): Promise<AssessmentRow> {
  const seen = await findAssessment(tx, ctx.schoolId, unverifiedId);
  if (!seen) throw assessmentNotFound();
  await recordableClass(tx, ctx, actor, seen.classId);
  const row = await findAssessment(tx, ctx.schoolId, seen.id, 'update');
  if (!row) throw assessmentNotFound();
  return row;
}

/**
 * Changes an assessment; `published: true` publishes it (stamping publishedAt), false takes it
 * back. The maximum cannot drop below points already scored on it.
 */
export async function updateAssessment(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateAssessmentBody,
): Promise<Assessment> {
  const { actor } = requirePermission(ctx, 'grades:record');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await lockedAssessment(tx, ctx, actor, unverifiedId);
      if (input.categoryId !== undefined && input.categoryId !== before.categoryId) {
        await checkCategory(tx, ctx.schoolId, before.classId, input.categoryId);
      }
      const maxScore = input.maxScore !== undefined ? round2(input.maxScore) : undefined;
      if (maxScore !== undefined && maxScore < before.maxScore) {
        const highest = await highestPoints(tx, ctx.schoolId, before.id);
        if (highest !== null && highest > maxScore) {
          throw new AppError(
            'RULE_VIOLATION',
            `A score of ${highest} points is already recorded; the maximum cannot be lower.`,
            [{ field: 'maxScore', code: 'below_scores', message: `must be at least ${highest}` }],
          );
        }
      }
      const changesPublication =
        input.published !== undefined && input.published !== before.published;
      const after = await updateAssessmentRow(tx, ctx.schoolId, before.id, {
        ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(maxScore !== undefined ? { maxScore } : {}),
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        ...(changesPublication ? { published: input.published } : {}),
      });
      await recordUpdate(
        tx,
        ctx,
        'assessment',
        after.id,
        assessmentFields(before),
        assessmentFields(after),
      );
      return after;
    })
    .catch(categoryGone);
  return toAssessment(row);
}

/** Deletes the assessment with its scores. */
export async function deleteAssessment(ctx: TenantContext, unverifiedId: string): Promise<void> {
  const { actor } = requirePermission(ctx, 'grades:record');
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const row = await lockedAssessment(tx, ctx, actor, unverifiedId);
    const scoreCount = await deleteAssessmentRow(tx, ctx.schoolId, row.id);
    await recordAudit(tx, ctx, {
      action: 'assessment.deleted',
      entityType: 'assessment',
      entityId: row.id,
      before: { ...assessmentFields(row), scores: scoreCount },
    });
  });
}
