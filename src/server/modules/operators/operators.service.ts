import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { OperatorMe, StartImpersonationBody } from '../../../shared/contracts/identity.js';
import { primaryRoot, publicOrigin } from '../../config.js';
import { requireOperator, type PlatformContext } from '../../platform/auth/context.js';
import {
  hashPassword,
  verifyAgainstDecoy,
  verifyPassword,
  assertStrongPassword,
} from '../../platform/auth/passwords.js';
import { hashToken, newSecretToken } from '../../platform/auth/tokens.js';
import type { Database } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { operators } from './operators.table.js';
import { schools } from '../schools/schools.table.js';
import {
  findOperatorByEmail,
  insertImpersonationGrant,
  insertOperator,
  insertPlatformAudit,
  listPlatformAudit,
  markOperatorSignedIn,
} from './operators.repository.js';

const IMPERSONATION_GRANT_MS = 60_000;

export function verifyTotp(secretBase32: string, code: string): boolean {
  const totp = new TOTP({
    secret: Secret.fromBase32(secretBase32),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
  return totp.validate({ token: code, window: 1 }) !== null;
}

/** Creates (or resets) an operator account: used by `npm run operator:create` and the demo seed. */
export async function createOperator(
  db: Database,
  input: { email: string; name: string; password: string; totpSecret?: string },
): Promise<{ id: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  assertStrongPassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const row = await db.withPlatform(async (tx) => {
    const created = await insertOperator(tx, {
      id: newId(),
      email,
      name: input.name,
      passwordHash,
    });
    await insertPlatformAudit(tx, {
      id: newId(),
      action: 'operator.created',
      operatorEmail: email,
      details: { by: 'command line' },
    });
    return created;
  });
  return { id: row.id, email: row.email };
}

export async function signInOperator(
  ctx: PlatformContext,
  input: { email: string; password: string; totp?: string | undefined },
): Promise<{ token: string; me: OperatorMe }> {
  const email = input.email.trim().toLowerCase();
  const guard = ctx.services.signInGuard;
  await guard.beforeAttempt('platform', email, ctx.ip);
  const operator = await ctx.services.db.withPlatform((tx) => findOperatorByEmail(tx, email));
  const passwordOk = operator
    ? await verifyPassword(operator.passwordHash, input.password)
    : (await verifyAgainstDecoy(input.password), false);
  const fail = async (reason: string) => {
    await guard.recordFailure('platform', email);
    await ctx.services.db.withPlatform((tx) =>
      insertPlatformAudit(tx, {
        id: newId(),
        operatorId: operator?.id ?? null,
        operatorEmail: email,
        action: 'operator.sign_in_failed',
        details: { reason },
        requestId: ctx.requestId,
      }),
    );
    return new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect.');
  };
  if (!operator || !passwordOk || operator.status !== 'active') throw await fail('credentials');
  // Two factors are mandatory: an operator without one enrols on first sign-in, confirming
  // the new secret with a code before any session exists.
  let enrolledSecret: string | null = null;
  if (operator.totpSecret) {
    if (!input.totp)
      throw new AppError('TOTP_REQUIRED', 'Enter the code from your authenticator app.');
    if (!verifyTotp(operator.totpSecret, input.totp)) throw await fail('totp');
  } else {
    const pending = operator.totpPendingSecret ?? new Secret({ size: 20 }).base32;
    if (!input.totp || !verifyTotp(pending, input.totp)) {
      if (!operator.totpPendingSecret) {
        await ctx.services.db.withPlatform((tx) =>
          tx
            .update(operators)
            .set({ totpPendingSecret: pending })
            .where(eq(operators.id, operator.id)),
        );
      }
      if (input.totp) throw await fail('totp');
      const uri = new TOTP({
        issuer: 'Schoolhouse',
        label: operator.email,
        secret: Secret.fromBase32(pending),
      }).toString();
      throw new AppError('TOTP_SETUP_REQUIRED', 'Set up two-factor authentication to continue.', [
        { field: 'totp', code: 'secret', message: pending },
        { field: 'totp', code: 'uri', message: uri },
      ]);
    }
    enrolledSecret = pending;
  }
  await guard.recordSuccess('platform', email);
  const token = await ctx.services.db.withPlatform(async (tx) => {
    if (enrolledSecret) {
      await tx
        .update(operators)
        .set({ totpSecret: enrolledSecret, totpPendingSecret: null })
        .where(eq(operators.id, operator.id));
      await insertPlatformAudit(tx, {
        id: newId(),
        operatorId: operator.id,
        operatorEmail: operator.email,
        action: 'operator.totp_enrolled',
        details: {},
        requestId: ctx.requestId,
      });
    }
    await markOperatorSignedIn(tx, operator.id);
    await insertPlatformAudit(tx, {
      id: newId(),
      operatorId: operator.id,
      operatorEmail: operator.email,
      action: 'operator.signed_in',
      details: {},
      requestId: ctx.requestId,
    });
    return ctx.services.operatorSessions.create(tx, operator.id, ctx.ip, ctx.userAgent);
  });
  return {
    token,
    me: { operator: { id: operator.id, email: operator.email, name: operator.name } },
  };
}

export async function signOutOperator(ctx: PlatformContext): Promise<void> {
  if (!ctx.operator) return;
  await ctx.services.operatorSessions.revoke({ sessionId: ctx.operator.sessionId });
}

export function getOperatorMe(ctx: PlatformContext): OperatorMe {
  const operator = requireOperator(ctx);
  return { operator: { id: operator.operatorId, email: operator.email, name: operator.name } };
}

/**
 * An operator asks to act inside a school. The reason is recorded; the answer is a link to the
 * school's own host carrying a one-time token valid for 60 seconds (in the URL fragment, so it
 * never reaches logs), which opens a session there of at most 60 minutes.
 */
export async function startImpersonation(
  ctx: PlatformContext,
  unverifiedSchoolId: string,
  input: StartImpersonationBody,
): Promise<{ url: string; expiresAt: string }> {
  const operator = requireOperator(ctx);
  const reason = input.reason.trim();
  if (reason.length < 10) {
    throw new AppError('VALIDATION_FAILED', 'Say why you need to open this school.', [
      { field: 'reason', code: 'minLength', message: 'must be at least 10 characters' },
    ]);
  }
  const readOnly = input.readOnly ?? true;
  const minutes = Math.min(input.minutes ?? 30, 60);
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + IMPERSONATION_GRANT_MS);
  const school = await ctx.services.db.withPlatform(async (tx) => {
    const rows = await tx.select().from(schools).where(eq(schools.id, unverifiedSchoolId)).limit(1);
    const found = rows[0];
    if (!found || found.status === 'archived' || found.status === 'provisioning') {
      throw new AppError('NOT_FOUND', 'No such school.');
    }
    await insertImpersonationGrant(tx, {
      id: newId(),
      tokenHash: hashToken(token),
      operatorId: operator.operatorId,
      ownerSchoolId: found.id,
      reason,
      readOnly,
      sessionMinutes: minutes,
      expiresAt,
    });
    await insertPlatformAudit(tx, {
      id: newId(),
      operatorId: operator.operatorId,
      operatorEmail: operator.email,
      action: 'impersonation.granted',
      targetSchoolId: found.id,
      targetSchoolSlug: found.slug,
      reason,
      details: { readOnly, minutes },
      requestId: ctx.requestId,
    });
    return found;
  });
  const { config } = ctx.services;
  const origin = publicOrigin(config, `${school.slug}.${primaryRoot(config)}`);
  return { url: `${origin}/impersonate#token=${token}`, expiresAt: expiresAt.toISOString() };
}

export async function listPlatformAuditEvents(
  ctx: PlatformContext,
  query: { limit?: number; cursor?: string },
) {
  requireOperator(ctx);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await ctx.services.db.withPlatform((tx) =>
    listPlatformAudit(tx, {
      limit,
      ...(after ? { before: { at: new Date(String(after[0])), id: String(after[1]) } } : {}),
    }),
  );
  const result = page(rows, limit, (r) => [r.at.toISOString(), r.id]);
  return {
    items: result.items.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      operatorEmail: r.operatorEmail,
      action: r.action,
      schoolSlug: r.targetSchoolSlug,
      reason: r.reason,
      details: r.details,
    })),
    nextCursor: result.nextCursor,
  };
}
