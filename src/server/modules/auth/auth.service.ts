import type { Me } from '../../../shared/contracts/identity.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { actorFromSession } from '../../platform/auth/auth.plugin.js';
import type { TenantContext } from '../../platform/auth/context.js';
import {
  assertStrongPassword,
  hashPassword,
  verifyAgainstDecoy,
  verifyPassword,
} from '../../platform/auth/passwords.js';
import { hashToken, newSecretToken } from '../../platform/auth/tokens.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { passwordResetMail } from '../mail/templates.js';
import {
  consumeImpersonationGrant,
  insertPlatformAudit,
} from '../operators/operators.repository.js';
import {
  consumeToken,
  findLiveToken,
  findUserByEmail,
  insertUserToken,
  updateUser,
} from '../users/users.repository.js';
import { getMe, normaliseEmail, schoolOrigin } from '../users/users.service.js';
import { findSessionByTokenHash } from './sessions.repository.js';

// Signing in and out of a school, invitations, password resets and operator support sessions.
// These are the only school use cases open to people who are not signed in, so each one is
// rate-limited or protected by a single-use, expiring token.

export interface SignedIn {
  token: string;
  expiresAt: Date;
  me: Me;
}

const GENERIC_FAILURE = 'Email or password is incorrect.';

/** The Me a brand-new session resolves to, without waiting for the next request. */
async function meForNewSession(ctx: TenantContext, token: string): Promise<Me> {
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findSessionByTokenHash(tx, hashToken(token)),
  );
  if (!row) throw new Error('new session not found');
  const actor = actorFromSession(
    { ...row, schoolId: ctx.schoolId, tokenHash: hashToken(token) },
    row.impersonatorEmail,
  );
  return getMe({ ...ctx, actor });
}

export async function signIn(
  ctx: TenantContext,
  input: { email: string; password: string },
): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const guard = ctx.services.signInGuard;
  await guard.beforeAttempt(ctx.schoolId, email, ctx.ip);
  const user = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findUserByEmail(tx, email));
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyAgainstDecoy(input.password), false);

  if (!user || !passwordOk || user.status !== 'active') {
    await guard.recordFailure(ctx.schoolId, email);
    await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        actorUserId: null,
        after: {
          email,
          reason: !user
            ? 'unknown_email'
            : !passwordOk
              ? 'wrong_password'
              : `status_${user.status}`,
        },
      }),
    );
    throw new AppError('INVALID_CREDENTIALS', GENERIC_FAILURE);
  }

  await guard.recordSuccess(ctx.schoolId, email);
  const session = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    await updateUser(tx, user.id, { lastLoginAt: new Date() });
    await recordAudit(tx, ctx, {
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: user.id,
      actorUserId: user.id,
    });
    return ctx.services.sessions.create(tx, ctx.schoolId, {
      userId: user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
  return { ...session, me: await meForNewSession(ctx, session.token) };
}

export async function signOut(ctx: TenantContext): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await ctx.services.sessions.revoke(ctx.schoolId, { sessionId: actor.sessionId });
  if (actor.operatorId) {
    await ctx.services.db.withPlatform((tx) =>
      insertPlatformAudit(tx, {
        id: newId(),
        operatorId: actor.operatorId,
        operatorEmail: actor.operatorEmail,
        action: 'impersonation.session_ended',
        targetSchoolId: ctx.schoolId,
        targetSchoolSlug: ctx.school.slug,
        details: {},
        requestId: ctx.requestId,
      }),
    );
  }
  await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    recordAudit(tx, ctx, {
      action: actor.operatorId ? 'auth.impersonation_ended' : 'auth.signed_out',
      entityType: actor.operatorId ? 'session' : 'user',
      entityId: actor.userId ?? actor.sessionId,
    }),
  );
}

/** Always answers the same way, whether or not the email belongs to someone here. */
export async function requestPasswordReset(
  ctx: TenantContext,
  input: { email: string },
): Promise<void> {
  const email = normaliseEmail(input.email);
  await ctx.services.signInGuard.beforeAttempt(ctx.schoolId, `reset:${email}`, ctx.ip);
  await ctx.services.signInGuard.recordFailure(ctx.schoolId, `reset:${email}`);
  const { config } = ctx.services;
  const mailId = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.status !== 'active') return null;
    const token = newSecretToken();
    await insertUserToken(tx, {
      schoolId: ctx.schoolId,
      id: newId(),
      userId: user.id,
      purpose: 'password-reset',
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + config.passwordResetTtlMs),
    });
    await recordAudit(tx, ctx, {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      actorUserId: null,
    });
    const link = `${schoolOrigin(ctx)}/reset-password#token=${token}`;
    const minutes = Math.round(config.passwordResetTtlMs / 60_000);
    return ctx.services.mailer.enqueue(
      tx,
      ctx.schoolId,
      passwordResetMail(ctx.school.locale, user.email, user.name, ctx.school.name, link, minutes),
    );
  });
  if (mailId) await ctx.services.mailer.deliver(ctx.schoolId, [mailId]);
}

const INVALID_LINK = () =>
  new AppError('INVALID_TOKEN', 'This link is no longer valid. Ask for a new one.');

export async function confirmPasswordReset(
  ctx: TenantContext,
  input: { token: string; password: string },
): Promise<void> {
  const found = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findLiveToken(tx, hashToken(input.token), 'password-reset', new Date()),
  );
  if (!found) throw INVALID_LINK();
  assertStrongPassword(input.password, found.user.email);
  const passwordHash = await hashPassword(input.password);
  const revoked = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    if (!(await consumeToken(tx, found.tokenId))) throw INVALID_LINK();
    await updateUser(tx, found.user.id, { passwordHash, passwordChangedAt: new Date() });
    await recordAudit(tx, ctx, {
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: found.user.id,
      actorUserId: found.user.id,
    });
    return ctx.services.sessions.revokeWithin(tx, { userId: found.user.id });
  });
  await ctx.services.sessions.forget(ctx.schoolId, revoked);
  await ctx.services.signInGuard.recordSuccess(ctx.schoolId, found.user.email);
}

export async function inspectInvitation(ctx: TenantContext, input: { token: string }) {
  const found = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findLiveToken(tx, hashToken(input.token), 'invitation', new Date()),
  );
  if (!found || found.user.status !== 'invited') throw INVALID_LINK();
  return { email: found.user.email, name: found.user.name, schoolName: ctx.school.name };
}

export async function acceptInvitation(
  ctx: TenantContext,
  input: { token: string; password: string; name?: string },
): Promise<SignedIn> {
  const found = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findLiveToken(tx, hashToken(input.token), 'invitation', new Date()),
  );
  if (!found || found.user.status !== 'invited') throw INVALID_LINK();
  assertStrongPassword(input.password, found.user.email);
  const passwordHash = await hashPassword(input.password);
  const session = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    if (!(await consumeToken(tx, found.tokenId))) throw INVALID_LINK();
    await updateUser(tx, found.user.id, {
      passwordHash,
      passwordChangedAt: new Date(),
      status: 'active',
      lastLoginAt: new Date(),
      ...(input.name ? { name: input.name.trim() } : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'user.invitation_accepted',
      entityType: 'user',
      entityId: found.user.id,
      actorUserId: found.user.id,
      before: { status: 'invited' },
      after: { status: 'active' },
    });
    return ctx.services.sessions.create(tx, ctx.schoolId, {
      userId: found.user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
  return { ...session, me: await meForNewSession(ctx, session.token) };
}

/** Turns an operator's one-time grant into a support session on this school's host. */
export async function acceptImpersonation(
  ctx: TenantContext,
  input: { token: string },
): Promise<SignedIn> {
  const now = new Date();
  const grant = await ctx.services.db.withPlatform((tx) =>
    consumeImpersonationGrant(tx, hashToken(input.token), ctx.schoolId, now),
  );
  if (!grant) throw INVALID_LINK();
  const session = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const created = await ctx.services.sessions.create(tx, ctx.schoolId, {
      userId: null,
      impersonatedBy: grant.operatorId,
      impersonatorEmail: grant.operatorEmail,
      readOnly: grant.readOnly,
      maxMs: grant.sessionMinutes * 60_000,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    // Visible to the school's admins in their own audit trail.
    await recordAudit(
      tx,
      { ...ctx, actor: null },
      {
        action: 'auth.impersonation_started',
        entityType: 'session',
        actorUserId: null,
        actorOperatorId: grant.operatorId,
        after: {
          operatorEmail: grant.operatorEmail,
          reason: grant.reason,
          readOnly: grant.readOnly,
          minutes: grant.sessionMinutes,
        },
      },
    );
    return created;
  });
  await ctx.services.db.withPlatform((tx) =>
    insertPlatformAudit(tx, {
      id: newId(),
      operatorId: grant.operatorId,
      operatorEmail: grant.operatorEmail,
      action: 'impersonation.session_opened',
      targetSchoolId: ctx.schoolId,
      targetSchoolSlug: ctx.school.slug,
      reason: grant.reason,
      details: { readOnly: grant.readOnly, minutes: grant.sessionMinutes },
      requestId: ctx.requestId,
    }),
  );
  return { ...session, me: await meForNewSession(ctx, session.token) };
}

/** The one-time link a new school's admin follows from sign-up onto the school's own host. */
export async function signInWithLink(
  ctx: TenantContext,
  input: { token: string },
): Promise<SignedIn> {
  const found = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findLiveToken(tx, hashToken(input.token), 'sign-in', new Date()),
  );
  if (!found || found.user.status !== 'active') throw INVALID_LINK();
  const session = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    if (!(await consumeToken(tx, found.tokenId))) throw INVALID_LINK();
    await updateUser(tx, found.user.id, { lastLoginAt: new Date() });
    await recordAudit(tx, ctx, {
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: found.user.id,
      actorUserId: found.user.id,
      after: { via: 'sign-up link' },
    });
    return ctx.services.sessions.create(tx, ctx.schoolId, {
      userId: found.user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
  return { ...session, me: await meForNewSession(ctx, session.token) };
}
