import {
  MAX_CATEGORIES_PER_CLASS,
  type AssessmentCategory,
  type AssessmentCategoryList,
  type CreateAssessmentCategoryBody,
  type UpdateAssessmentCategoryBody,
} from '../../../shared/contracts/gradebook.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { readableClass, recordableClass, requireCategoryWriter } from './gradebook-access.js';
import {
  countAssessments,
  countCategories,
  deleteCategory as deleteCategoryRow,
  findCategory,
  insertCategory,
  listCategories as listCategoryRows,
  updateCategory as updateCategoryRow,
  type CategoryRow,
} from './gradebook.repository.js';

// A class's weighted assessment categories. Weights are relative: averages normalise them over
// the categories that have something counted, so they need not sum to 100.

const categoryNotFound = () =>
  new AppError('ASSESSMENT_CATEGORY_NOT_FOUND', 'No such assessment category.');

export function toCategory(row: CategoryRow): AssessmentCategory {
  return {
    id: row.id,
    classId: row.classId,
    name: row.name,
    weight: row.weight,
    sortOrder: row.sortOrder,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const categoryFields = (row: CategoryRow) => ({
  classId: row.classId,
  name: row.name,
  weight: row.weight,
  sortOrder: row.sortOrder,
});

const round2 = (value: number) => Math.round(value * 100) / 100;

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'assessment_categories_class_name_key')) {
    throw new AppError('CONFLICT', 'This class already has a category with this name.', [
      { field: 'name', code: 'taken', message: 'is already a category of this class' },
    ]);
  }
  throw error;
}

export async function listCategories(
  ctx: TenantContext,
  unverifiedClassId: string,
): Promise<AssessmentCategoryList> {
  const grant = requirePermission(ctx, 'grades:read');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const { klass } = await readableClass(tx, ctx, grant, unverifiedClassId);
    return listCategoryRows(tx, ctx.schoolId, [klass.id]);
  });
  return {
    items: rows.map(toCategory),
    weightTotal: round2(rows.reduce((sum, r) => sum + r.weight, 0)),
  };
}

export async function createCategory(
  ctx: TenantContext,
  unverifiedClassId: string,
  input: CreateAssessmentCategoryBody,
): Promise<AssessmentCategory> {
  const actor = requireCategoryWriter(ctx);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const klass = await recordableClass(tx, ctx, actor, unverifiedClassId, { orManage: true });
      const existing = await countCategories(tx, ctx.schoolId, klass.id);
      if (existing.count >= MAX_CATEGORIES_PER_CLASS) {
        throw new AppError(
          'RULE_VIOLATION',
          `A class has at most ${MAX_CATEGORIES_PER_CLASS} assessment categories.`,
        );
      }
      const created = await insertCategory(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        classId: klass.id,
        name: input.name.trim(),
        weight: round2(input.weight),
        sortOrder: input.sortOrder ?? (existing.maxSortOrder ?? -1) + 1,
      });
      await recordAudit(tx, ctx, {
        action: 'assessment_category.created',
        entityType: 'assessment_category',
        entityId: created.id,
        after: categoryFields(created),
      });
      return created;
    })
    .catch(nameTaken);
  return toCategory(row);
}

export async function updateCategory(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateAssessmentCategoryBody,
): Promise<AssessmentCategory> {
  const actor = requireCategoryWriter(ctx);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const seen = await findCategory(tx, ctx.schoolId, unverifiedId);
      if (!seen) throw categoryNotFound();
      await recordableClass(tx, ctx, actor, seen.classId, { orManage: true });
      const before = await findCategory(tx, ctx.schoolId, seen.id, 'update');
      if (!before) throw categoryNotFound();
      const after = await updateCategoryRow(tx, ctx.schoolId, before.id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.weight !== undefined ? { weight: round2(input.weight) } : {}),
        ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      });
      await recordUpdate(
        tx,
        ctx,
        'assessment_category',
        after.id,
        categoryFields(before),
        categoryFields(after),
      );
      return after;
    })
    .catch(nameTaken);
  return toCategory(row);
}

/** Refused with IN_USE while assessments are filed under the category. */
export async function deleteCategory(ctx: TenantContext, unverifiedId: string): Promise<void> {
  const actor = requireCategoryWriter(ctx);
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const seen = await findCategory(tx, ctx.schoolId, unverifiedId);
      if (!seen) throw categoryNotFound();
      await recordableClass(tx, ctx, actor, seen.classId, { orManage: true });
      const row = await findCategory(tx, ctx.schoolId, seen.id, 'update');
      if (!row) throw categoryNotFound();
      const used = await countAssessments(tx, ctx.schoolId, { categoryId: row.id });
      if (used > 0) {
        throw new AppError(
          'IN_USE',
          `This category still has ${used} assessment${used === 1 ? '' : 's'}; move or delete them first.`,
          [
            {
              field: 'assessments',
              code: 'in_use',
              message: `${used} assessment${used === 1 ? '' : 's'}`,
            },
          ],
        );
      }
      await deleteCategoryRow(tx, ctx.schoolId, row.id);
      await recordAudit(tx, ctx, {
        action: 'assessment_category.deleted',
        entityType: 'assessment_category',
        entityId: row.id,
        before: categoryFields(row),
      });
    })
    .catch(assessmentAdded);
}

/** An assessment filed under the category by a request that committed in between. */
function assessmentAdded(error: unknown): never {
  if (isForeignKeyViolation(error)) {
    throw new AppError('IN_USE', 'This category still has assessments; move or delete them first.');
  }
  throw error;
}
