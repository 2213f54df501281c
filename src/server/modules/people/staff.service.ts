import type { User } from '../../../shared/contracts/identity.js';
import type {
  CreateStaffBody,
  LinkAccountBody,
  Staff,
  StaffListQuery,
  UpdateStaffBody,
} from '../../../shared/contracts/people.js';
import { changes, recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { assertCanAddStaff } from '../schools/limits.js';
import { normaliseEmail } from '../users/users.service.js';
import { createPersonAccount } from './person-accounts.js';
import {
  countStaffAssignments,
  deleteStaff as deleteStaffRow,
  findStaff,
  insertStaff,
  listStaff as listStaffRows,
  staffKeyOf,
  updateStaff as updateStaffRow,
  type StaffRecord,
  type StaffRow,
} from './staff.repository.js';

export function toStaff(row: StaffRow): Staff {
  return {
    id: row.id,
    employeeNumber: row.employeeNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    position: row.position,
    department: row.department,
    isTeacher: row.isTeacher,
    status: row.status,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function staffNotFound(): AppError {
  return new AppError('STAFF_NOT_FOUND', 'No such staff member.');
}

function auditFields(row: StaffRecord): Record<string, unknown> {
  return {
    employeeNumber: row.employeeNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    position: row.position,
    department: row.department,
    isTeacher: row.isTeacher,
    status: row.status,
  };
}

function rethrowTaken(error: unknown): never {
  if (isUniqueViolation(error, 'staff_school_number_key')) {
    throw new AppError('EMPLOYEE_NUMBER_TAKEN', 'Another staff member has this employee number.', [
      { field: 'employeeNumber', code: 'taken', message: 'is already used in this school' },
    ]);
  }
  throw error;
}

const blankToNull = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim() : null;

export async function listStaff(ctx: TenantContext, query: StaffListQuery) {
  requirePermission(ctx, 'staff:read');
  const limit = query.limit ?? 50;
  const sort = query.sort ?? 'name';
  const order = query.order ?? 'asc';
  const after = decodeCursor(
    query.cursor,
    sort === 'name' ? ['string', 'string', 'string'] : ['string', 'string'],
  );
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listStaffRows(tx, {
      limit,
      sort,
      order,
      ...(after ? { after: after.map(String) } : {}),
      ...(query.q?.trim() ? { q: query.q } : {}),
      ...(query.isTeacher !== undefined ? { isTeacher: query.isTeacher } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.department !== undefined ? { department: query.department.trim() } : {}),
    }),
  );
  const result = page(rows, limit, (r) => staffKeyOf(r, sort));
  return { items: result.items.map(toStaff), nextCursor: result.nextCursor };
}

export async function getStaff(ctx: TenantContext, unverifiedId: string): Promise<Staff> {
  requirePermission(ctx, 'staff:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findStaff(tx, unverifiedId));
  if (!row) throw staffNotFound();
  return toStaff(row);
}

export async function createStaff(ctx: TenantContext, input: CreateStaffBody): Promise<Staff> {
  requirePermission(ctx, 'staff:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await assertCanAddStaff(ctx, tx, 1);
      const inserted = await insertStaff(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        employeeNumber: input.employeeNumber.trim(),
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        email: input.email ? normaliseEmail(input.email) : null,
        phone: blankToNull(input.phone),
        position: input.position?.trim() ?? '',
        department: input.department?.trim() ?? '',
        isTeacher: input.isTeacher ?? false,
        status: 'active',
      });
      await recordAudit(tx, ctx, {
        action: 'staff.created',
        entityType: 'staff',
        entityId: inserted.id,
        after: auditFields(inserted),
      });
      return inserted;
    })
    .catch(rethrowTaken);
  return toStaff({ ...row, userId: null });
}

export async function updateStaff(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateStaffBody,
): Promise<Staff> {
  requirePermission(ctx, 'staff:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findStaff(tx, unverifiedId);
      if (!before) throw staffNotFound();
      const fields: Parameters<typeof updateStaffRow>[2] = {};
      if (input.employeeNumber !== undefined) fields.employeeNumber = input.employeeNumber.trim();
      if (input.firstName !== undefined) fields.firstName = input.firstName.trim();
      if (input.lastName !== undefined) fields.lastName = input.lastName.trim();
      if (input.email !== undefined)
        fields.email = input.email ? normaliseEmail(input.email) : null;
      if (input.phone !== undefined) fields.phone = blankToNull(input.phone);
      if (input.position !== undefined) fields.position = input.position.trim();
      if (input.department !== undefined) fields.department = input.department.trim();
      if (input.isTeacher !== undefined) fields.isTeacher = input.isTeacher;
      const updated = await updateStaffRow(tx, before.id, fields);
      if (!updated) throw staffNotFound();
      const diff = changes(auditFields(before), auditFields(updated));
      if (Object.keys(diff.after).length > 0) {
        await recordAudit(tx, ctx, {
          action: 'staff.updated',
          entityType: 'staff',
          entityId: updated.id,
          ...diff,
        });
      }
      return { ...updated, userId: before.userId };
    })
    .catch(rethrowTaken);
  return toStaff(row);
}

/**
 * Archiving is how a staff member leaves: the record stays for the history that refers to
 * it and stops counting against the plan. Their account, if any, is managed under users.
 */
export async function setStaffStatus(
  ctx: TenantContext,
  unverifiedId: string,
  status: 'active' | 'archived',
): Promise<Staff> {
  requirePermission(ctx, 'staff:manage');
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const before = await findStaff(tx, unverifiedId, { lock: true });
    if (!before) throw staffNotFound();
    if (before.status === status) {
      throw new AppError(
        'INVALID_TRANSITION',
        status === 'archived'
          ? 'This staff member is already archived.'
          : 'This staff member is already active.',
      );
    }
    if (status === 'active') await assertCanAddStaff(ctx, tx, 1);
    const updated = await updateStaffRow(tx, before.id, { status });
    if (!updated) throw staffNotFound();
    await recordAudit(tx, ctx, {
      action: status === 'archived' ? 'staff.archived' : 'staff.restored',
      entityType: 'staff',
      entityId: updated.id,
      before: { status: before.status },
      after: { status: updated.status },
    });
    return { ...updated, userId: before.userId };
  });
  return toStaff(row);
}

/** Only for a record nobody refers to yet (a mistake); anyone who taught is archived instead. */
export async function deleteStaff(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'staff:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const member = await findStaff(tx, unverifiedId, { lock: true });
      if (!member) throw staffNotFound();
      const assigned = await countStaffAssignments(tx, member.id);
      const reasons: string[] = [];
      if (assigned.homerooms > 0)
        reasons.push(`is homeroom teacher of ${assigned.homerooms} section(s)`);
      if (assigned.classes > 0) reasons.push(`teaches ${assigned.classes} class(es)`);
      if (member.userId) reasons.push('has a linked account');
      if (reasons.length > 0) {
        throw new AppError(
          'IN_USE',
          `This staff member ${reasons.join(' and ')}; archive them instead (POST /api/staff/${member.id}/archive).`,
          reasons.map((message) => ({ field: 'id', code: 'in_use', message })),
        );
      }
      await deleteStaffRow(tx, member.id);
      await recordAudit(tx, ctx, {
        action: 'staff.deleted',
        entityType: 'staff',
        entityId: member.id,
        before: auditFields(member),
      });
    })
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error)) {
        throw new AppError(
          'IN_USE',
          'Other records refer to this staff member; archive them instead.',
        );
      }
      throw error;
    });
}

export async function createStaffAccount(
  ctx: TenantContext,
  unverifiedId: string,
  input: LinkAccountBody,
): Promise<User> {
  requirePermission(ctx, 'staff:manage');
  return createPersonAccount(
    ctx,
    {
      kind: 'staff',
      async load(tx) {
        const member = await findStaff(tx, unverifiedId, { lock: true });
        if (!member) throw staffNotFound();
        if (member.status === 'archived') {
          throw new AppError('RULE_VIOLATION', 'An archived staff member cannot get an account.');
        }
        return member;
      },
      roles: (member) => [member.isTeacher ? 'teacher' : 'staff'],
    },
    input,
  );
}
