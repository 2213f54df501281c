import type { Scope } from '../../../shared/permissions.js';
import { requirePermission, type Actor, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { studentScopeCondition } from '../people/scope.js';
import {
  findGradebookClass,
  listStudentIdsWhere,
  studentsEverInClass,
  teachesClass,
  type GradebookClassRow,
} from './gradebook.repository.js';

// Who may see and change which class's grades. "Own classes" for the gradebook are the classes
// the teacher teaches (class_teachers); a homeroom alone gives no access to grades.
//   read   all: every class; own-classes: classes she teaches, every assessment;
//          self/children: classes the student (a child) was ever enrolled in, published only
//   record all: every class; own-classes: classes she teaches
//   manage scales and settings; also enough for categories of any class

export const forbidden = () => new AppError('FORBIDDEN', 'You do not have permission to do this.');
export const classNotFound = () => new AppError('CLASS_NOT_FOUND', 'No such class.');

/** How a reader sees one class: every assessment, or only published ones. */
export type ClassView = 'full' | 'published';

/** The student records behind 'self' and 'children' (guardians: with portal access only). */
export async function ownStudentIds(
  tx: Tx,
  schoolId: string,
  actor: Actor,
  scopes: readonly Scope[],
): Promise<string[]> {
  const personal = scopes.filter((s) => s === 'self' || s === 'children');
  if (personal.length === 0) return [];
  const condition = studentScopeCondition(actor, personal);
  return condition ? listStudentIdsWhere(tx, schoolId, condition) : [];
}

async function teaches(tx: Tx, schoolId: string, actor: Actor, classId: string) {
  return actor.linkedStaffId !== null && teachesClass(tx, schoolId, actor.linkedStaffId, classId);
}

/**
 * The class, if the actor may read its grades, with how much she sees; 404 when the class is
 * not this school's, 403 when it is but not hers.
 */
export async function readableClass(
  tx: Tx,
  ctx: TenantContext,
  grant: { actor: Actor; scopes: Scope[] },
  unverifiedClassId: string,
): Promise<{ klass: GradebookClassRow; view: ClassView; studentIds: string[] }> {
  const klass = await findGradebookClass(tx, ctx.schoolId, unverifiedClassId);
  if (!klass) throw classNotFound();
  const { actor, scopes } = grant;
  if (scopes.includes('all')) return { klass, view: 'full', studentIds: [] };
  if (scopes.includes('own-classes') && (await teaches(tx, ctx.schoolId, actor, klass.id))) {
    return { klass, view: 'full', studentIds: [] };
  }
  const own = await ownStudentIds(tx, ctx.schoolId, actor, scopes);
  const inClass = await studentsEverInClass(tx, ctx.schoolId, klass.id, own);
  if (inClass.length > 0) return { klass, view: 'published', studentIds: inClass };
  throw forbidden();
}

/**
 * Checks grades:record over a class (or grades:manage when `orManage`), keeping the class from
 * being deleted until commit. 404 when it is not this school's class, 403 when not hers.
 */
export async function recordableClass(
  tx: Tx,
  ctx: TenantContext,
  actor: Actor,
  unverifiedClassId: string,
  options: { orManage?: boolean } = {},
): Promise<GradebookClassRow> {
  const klass = await findGradebookClass(tx, ctx.schoolId, unverifiedClassId, 'key share');
  if (!klass) throw classNotFound();
  if (mayRecordAnywhere(actor, options)) return klass;
  const record = actor.grants['grades:record'] ?? [];
  if (record.includes('own-classes') && (await teaches(tx, ctx.schoolId, actor, klass.id))) {
    return klass;
  }
  throw forbidden();
}

function mayRecordAnywhere(actor: Actor, options: { orManage?: boolean }): boolean {
  if (actor.grants['grades:record']?.includes('all')) return true;
  return options.orManage === true && (actor.grants['grades:manage']?.length ?? 0) > 0;
}

/**
 * The first line of the category use cases: grades:record, or grades:manage which also
 * allows them. Which class is checked inside the transaction (recordableClass).
 */
export function requireCategoryWriter(ctx: TenantContext): Actor {
  const manage = ctx.actor?.grants['grades:manage'];
  return requirePermission(ctx, manage && manage.length > 0 ? 'grades:manage' : 'grades:record')
    .actor;
}
