import { asc, eq, sql } from 'drizzle-orm';
import type { CustomRole, CustomRoleBody, Roles } from '../../../shared/contracts/identity.js';
import { BUILT_IN_ROLES, ROLE_GRANTS, isPermission } from '../../../shared/permissions.js';
import { changes, recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { customRoles, userCustomRoles } from '../users/users.table.js';

// Custom roles: a school-defined, named set of permissions, assigned to accounts on top of
// their built-in roles.

type RoleRow = typeof customRoles.$inferSelect & { assignedUsers: number };

const assignedUsersSql = sql<number>`(select count(*)::int from ${userCustomRoles} ur
  where ur.school_id = ${customRoles.schoolId} and ur.role_id = ${customRoles.id})`;

function toCustomRole(row: RoleRow): CustomRole {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    permissions: row.permissions,
    assignedUsers: row.assignedUsers,
  };
}

function validPermissions(input: CustomRoleBody): string[] {
  const unknown = input.permissions.filter((p) => !isPermission(p));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Some permissions do not exist.', [
      {
        field: 'permissions',
        code: 'unknown',
        message: `unknown permission ${unknown.join(', ')}`,
      },
    ]);
  }
  return [...input.permissions].sort();
}

async function findRole(tx: Tx, id: string): Promise<RoleRow | null> {
  const rows = await tx
    .select({ role: customRoles, assignedUsers: assignedUsersSql })
    .from(customRoles)
    .where(eq(customRoles.id, id))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.role, assignedUsers: row.assignedUsers } : null;
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'custom_roles_school_name_key')) {
    throw new AppError('CONFLICT', 'A role with this name already exists.', [
      { field: 'name', code: 'taken', message: 'is already a role in this school' },
    ]);
  }
  throw error;
}

export async function listRoles(ctx: TenantContext): Promise<Roles> {
  requirePermission(ctx, 'roles:manage');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    tx
      .select({ role: customRoles, assignedUsers: assignedUsersSql })
      .from(customRoles)
      .orderBy(asc(customRoles.name)),
  );
  return {
    builtIn: BUILT_IN_ROLES.map((key) => ({
      key,
      permissions: { ...ROLE_GRANTS[key] } as Record<string, string>,
    })),
    custom: rows.map((r) => toCustomRole({ ...r.role, assignedUsers: r.assignedUsers })),
  };
}

export async function createRole(ctx: TenantContext, input: CustomRoleBody): Promise<CustomRole> {
  requirePermission(ctx, 'roles:manage');
  const permissions = validPermissions(input);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const inserted = await tx
        .insert(customRoles)
        .values({
          schoolId: ctx.schoolId,
          id: newId(),
          name: input.name.trim(),
          description: input.description?.trim() ?? '',
          permissions,
        })
        .returning();
      const role = inserted[0];
      if (!role) throw new Error('insert into custom_roles returned no row');
      await recordAudit(tx, ctx, {
        action: 'role.created',
        entityType: 'role',
        entityId: role.id,
        after: { name: role.name, permissions },
      });
      return { ...role, assignedUsers: 0 };
    })
    .catch(nameTaken);
  return toCustomRole(row);
}

export async function updateRole(
  ctx: TenantContext,
  unverifiedId: string,
  input: CustomRoleBody,
): Promise<CustomRole> {
  requirePermission(ctx, 'roles:manage');
  const permissions = validPermissions(input);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findRole(tx, unverifiedId);
      if (!before) throw new AppError('ROLE_NOT_FOUND', 'No such role.');
      await tx
        .update(customRoles)
        .set({
          name: input.name.trim(),
          description: input.description?.trim() ?? '',
          permissions,
          updatedAt: sql`now()`,
        })
        .where(eq(customRoles.id, before.id));
      const after = await findRole(tx, before.id);
      if (!after) throw new AppError('ROLE_NOT_FOUND', 'No such role.');
      const diff = changes(
        { name: before.name, description: before.description, permissions: before.permissions },
        { name: after.name, description: after.description, permissions: after.permissions },
      );
      await recordAudit(tx, ctx, {
        action: 'role.updated',
        entityType: 'role',
        entityId: before.id,
        ...diff,
      });
      const holders = await tx
        .select({ userId: userCustomRoles.userId })
        .from(userCustomRoles)
        .where(eq(userCustomRoles.roleId, before.id));
      return { role: after, holders: holders.map((h) => h.userId) };
    })
    .catch(nameTaken);
  // Holders' cached permissions change with the role.
  await ctx.services.sessions.refreshUsers(ctx.schoolId, row.holders);
  return toCustomRole(row.role);
}

export async function deleteRole(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'roles:manage');
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const role = await findRole(tx, unverifiedId);
    if (!role) throw new AppError('ROLE_NOT_FOUND', 'No such role.');
    if (role.assignedUsers > 0) {
      throw new AppError(
        'ROLE_IN_USE',
        `This role is held by ${role.assignedUsers} ${role.assignedUsers === 1 ? 'person' : 'people'}; remove it from them first.`,
      );
    }
    await tx.delete(customRoles).where(eq(customRoles.id, role.id));
    await recordAudit(tx, ctx, {
      action: 'role.deleted',
      entityType: 'role',
      entityId: role.id,
      before: { name: role.name, permissions: role.permissions },
    });
  });
}
