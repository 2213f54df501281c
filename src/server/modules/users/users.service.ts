import { navigationFor, type BuiltInRole } from '../../../shared/permissions.js';
import type {
  InviteUserBody,
  Me,
  Navigation,
  UpdateUserBody,
  User,
  UserListQuery,
} from '../../../shared/contracts/identity.js';
import { primaryRoot, publicOrigin } from '../../config.js';
import { changes, recordAudit } from '../../platform/audit/audit.js';
import {
  requireActor,
  requirePermission,
  type TenantContext,
} from '../../platform/auth/context.js';
import {
  assertStrongPassword,
  hashPassword,
  verifyPassword,
} from '../../platform/auth/passwords.js';
import { hashToken, newSecretToken } from '../../platform/auth/tokens.js';
import type { Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { invitationMail } from '../mail/templates.js';
import { assertCanAddUsers } from '../schools/limits.js';
import {
  existingCustomRoleIds,
  findUserById,
  insertUser,
  insertUserToken,
  listUsers as listUserRows,
  setUserCustomRoles,
  updateUser as updateUserRow,
  type UserRow,
  type UserWithRoles,
} from './users.repository.js';

export function toUser(row: UserWithRoles): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    roles: row.roles.filter((r): r is BuiltInRole => r !== '') as User['roles'],
    customRoleIds: row.customRoleIds,
    locale: row.locale === 'en' || row.locale === 'ar' ? row.locale : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function schoolOrigin(ctx: TenantContext): string {
  const { config } = ctx.services;
  return publicOrigin(config, `${ctx.school.slug}.${primaryRoot(config)}`);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function getMe(ctx: TenantContext): Me {
  const actor = requireActor(ctx);
  const scopes: Record<string, string[]> = {};
  for (const [permission, held] of Object.entries(actor.grants))
    if (held) scopes[permission] = held;
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name },
    roles: actor.roles,
    customRoles: actor.customRoles,
    permissions: Object.keys(scopes).sort(),
    scopes,
    locale: actor.locale ?? ctx.school.locale,
    impersonation: actor.operatorId
      ? {
          operatorEmail: actor.operatorEmail ?? '',
          readOnly: actor.readOnly,
          expiresAt: actor.expiresAt.toISOString(),
        }
      : null,
  };
}

export function getNavigation(ctx: TenantContext): Navigation {
  const actor = requireActor(ctx);
  const hidden = new Set<string>();
  if (!ctx.services.config.mail.outboxVisible) hidden.add('outbox');
  if (ctx.school.features.customDomains === false) hidden.add('domains');
  if (ctx.school.features.reportCards === false) hidden.add('report-cards');
  return {
    items: navigationFor(actor.grants, hidden).map(({ key, labelKey, path }) => ({
      key,
      labelKey,
      path,
    })),
  };
}

function assertSelfService(ctx: TenantContext): string {
  const actor = requireActor(ctx);
  if (!actor.userId)
    throw new AppError('FORBIDDEN', 'A support session has no personal profile to change.');
  return actor.userId;
}

export async function updateMe(
  ctx: TenantContext,
  input: { name?: string; locale?: 'en' | 'ar' | null },
): Promise<void> {
  const userId = assertSelfService(ctx);
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const before = await findUserById(tx, userId);
    if (!before) throw new AppError('USER_NOT_FOUND', 'No such user.');
    const fields: Partial<UserRow> = {};
    if (input.name !== undefined) fields.name = input.name.trim();
    if (input.locale !== undefined) fields.locale = input.locale;
    await updateUserRow(tx, userId, fields);
    const diff = changes(
      { name: before.name, locale: before.locale },
      { ...{ name: before.name, locale: before.locale }, ...fields },
    );
    await recordAudit(tx, ctx, {
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: userId,
      ...diff,
    });
  });
  await ctx.services.sessions.refreshUsers(ctx.schoolId, [userId]);
}

/** Changes the password and revokes every session of the user; returns a fresh session. */
export async function changeOwnPassword(
  ctx: TenantContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; expiresAt: Date }> {
  const userId = assertSelfService(ctx);
  const user = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findUserById(tx, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'The current password is not right.', [
      { field: 'currentPassword', code: 'incorrect', message: 'is not your current password' },
    ]);
  }
  assertStrongPassword(input.newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const { revoked, session } = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    await updateUserRow(tx, userId, { passwordHash, passwordChangedAt: new Date() });
    const revoked = await ctx.services.sessions.revokeWithin(tx, { userId });
    await recordAudit(tx, ctx, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: userId,
    });
    const session = await ctx.services.sessions.create(tx, ctx.schoolId, {
      userId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    return { revoked, session };
  });
  await ctx.services.sessions.forget(ctx.schoolId, revoked);
  return session;
}

export async function listUsers(ctx: TenantContext, query: UserListQuery) {
  requirePermission(ctx, 'users:read');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listUserRows(tx, {
      limit,
      ...(after ? { after: { name: String(after[0]), id: String(after[1]) } } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.status ? { status: query.status } : {}),
    }),
  );
  const result = page(rows, limit, (r) => [r.name, r.id]);
  return { items: result.items.map(toUser), nextCursor: result.nextCursor };
}

export async function getUser(ctx: TenantContext, unverifiedId: string): Promise<User> {
  requirePermission(ctx, 'users:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findUserById(tx, unverifiedId),
  );
  if (!row) throw new AppError('USER_NOT_FOUND', 'No such user.');
  return toUser(row);
}

async function assertCustomRolesExist(tx: Tx, ids: string[]): Promise<void> {
  const found = await existingCustomRoleIds(tx, ids);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Some roles do not exist.', [
      { field: 'customRoleIds', code: 'unknown', message: `unknown role ${missing.join(', ')}` },
    ]);
  }
}

/** Creates an invitation link for a user inside the caller's transaction; queues its email. */
export async function issueInvitation(ctx: TenantContext, tx: Tx, user: UserRow): Promise<string> {
  const { config } = ctx.services;
  const token = newSecretToken();
  await insertUserToken(tx, {
    schoolId: ctx.schoolId,
    id: newId(),
    userId: user.id,
    purpose: 'invitation',
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + config.invitationTtlMs),
  });
  const link = `${schoolOrigin(ctx)}/accept-invitation#token=${token}`;
  const hours = Math.round(config.invitationTtlMs / 3_600_000);
  return ctx.services.mailer.enqueue(
    tx,
    ctx.schoolId,
    invitationMail(ctx.school.locale, user.email, user.name, ctx.school.name, link, hours),
  );
}

export async function inviteUser(ctx: TenantContext, input: InviteUserBody): Promise<User> {
  requirePermission(ctx, 'users:manage');
  const email = normaliseEmail(input.email);
  const customRoleIds = input.customRoleIds ?? [];
  const { user, mailId } = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await assertCustomRolesExist(tx, customRoleIds);
      await assertCanAddUsers(ctx, tx);
      const row = await insertUser(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        email,
        name: input.name.trim(),
        status: 'invited',
        roles: input.roles,
      });
      await setUserCustomRoles(tx, ctx.schoolId, row.id, customRoleIds);
      const mailId = await issueInvitation(ctx, tx, row);
      await recordAudit(tx, ctx, {
        action: 'user.invited',
        entityType: 'user',
        entityId: row.id,
        after: { email, name: row.name, roles: input.roles, customRoleIds },
      });
      return { user: { ...row, customRoleIds }, mailId };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'users_school_email_key')) {
        throw new AppError('EMAIL_TAKEN', 'Someone in this school already uses this email.', [
          { field: 'email', code: 'taken', message: 'is already used in this school' },
        ]);
      }
      throw error;
    });
  await ctx.services.mailer.deliver(ctx.schoolId, [mailId]);
  return toUser(user);
}

export async function resendInvitation(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'users:manage');
  const mailId = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const user = await findUserById(tx, unverifiedId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user.');
    if (user.status !== 'invited') {
      throw new AppError(
        'RULE_VIOLATION',
        'Only people who have not accepted yet can be invited again.',
      );
    }
    const id = await issueInvitation(ctx, tx, user);
    await recordAudit(tx, ctx, {
      action: 'user.invitation_resent',
      entityType: 'user',
      entityId: user.id,
    });
    return id;
  });
  await ctx.services.mailer.deliver(ctx.schoolId, [mailId]);
}

export async function updateUser(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateUserBody,
): Promise<User> {
  const { actor } = requirePermission(ctx, 'users:manage');
  const updated = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const before = await findUserById(tx, unverifiedId);
    if (!before) throw new AppError('USER_NOT_FOUND', 'No such user.');
    const isSelf = before.id === actor.userId;
    if (isSelf && input.status === 'disabled') {
      throw new AppError('RULE_VIOLATION', 'You cannot disable your own account.');
    }
    if (isSelf && input.roles && !input.roles.includes('admin') && before.roles.includes('admin')) {
      throw new AppError('RULE_VIOLATION', 'You cannot remove your own administrator role.');
    }
    if (input.status !== undefined && before.status === 'invited') {
      throw new AppError(
        'RULE_VIOLATION',
        'An invited person becomes active by accepting the invitation.',
      );
    }
    if (input.customRoleIds) await assertCustomRolesExist(tx, input.customRoleIds);
    if (input.status === 'active' && before.status === 'disabled') await assertCanAddUsers(ctx, tx);
    const fields: Partial<UserRow> = {};
    if (input.name !== undefined) fields.name = input.name.trim();
    if (input.roles !== undefined) fields.roles = input.roles;
    if (input.status !== undefined) fields.status = input.status;
    const row = await updateUserRow(tx, before.id, fields);
    if (!row) throw new AppError('USER_NOT_FOUND', 'No such user.');
    if (input.customRoleIds)
      await setUserCustomRoles(tx, ctx.schoolId, before.id, input.customRoleIds);
    const customRoleIds = input.customRoleIds ?? before.customRoleIds;
    const diff = changes(
      {
        name: before.name,
        roles: before.roles,
        status: before.status,
        customRoleIds: before.customRoleIds,
      },
      { name: row.name, roles: row.roles, status: row.status, customRoleIds },
    );
    if (Object.keys(diff.after).length > 0) {
      const action =
        input.status === 'disabled' && before.status !== 'disabled'
          ? 'user.disabled'
          : 'user.updated';
      await recordAudit(tx, ctx, { action, entityType: 'user', entityId: row.id, ...diff });
    }
    const revoked =
      row.status === 'disabled'
        ? await ctx.services.sessions.revokeWithin(tx, { userId: row.id })
        : [];
    return { user: { ...row, customRoleIds }, revoked };
  });
  await ctx.services.sessions.forget(ctx.schoolId, updated.revoked);
  await ctx.services.sessions.refreshUsers(ctx.schoolId, [updated.user.id]);
  return toUser(updated.user);
}
