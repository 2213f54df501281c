import { createHash, createHmac, randomUUID } from 'node:crypto';
import type {
  SignupBody,
  SignupChallenge,
  SignupResult,
  SlugAvailability,
} from '../../../shared/contracts/signup.js';
import { leadingZeroBits, proofInput } from '../../../shared/proof-of-work.js';
import { checkSlug } from '../../../shared/slug.js';
import { primaryRoot, publicOrigin } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestMeta } from '../../platform/auth/context.js';
import { assertStrongPassword, hashPassword } from '../../platform/auth/passwords.js';
import { hashToken, newSecretToken, safeEqual } from '../../platform/auth/tokens.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { continueAsNewTenant } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { insertPlatformAudit } from '../operators/operators.repository.js';
import { insertUser, insertUserToken } from '../users/users.repository.js';
import { defaultPlan } from '../schools/plans.service.js';
import { findSchoolBySlug, insertSchool } from '../schools/schools.repository.js';
import { schoolStatusHistory } from '../schools/schools.table.js';

// Self-service sign-up on the marketing host. A school is live on its own host the moment
// this returns: trial status on the default plan, its first admin signed in through a
// one-time link (cookies are host-only, so the session must be opened on the new host).

const CHALLENGE_TTL_MS = 15 * 60_000;
const SIGN_IN_LINK_TTL_MS = 5 * 60_000;

export interface SignupContext extends RequestMeta {
  secret: string;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueChallenge(ctx: SignupContext, now = Date.now()): SignupChallenge {
  const { config } = ctx.services;
  const payload = Buffer.from(JSON.stringify({ id: randomUUID(), at: now })).toString('base64url');
  return {
    challenge: `${payload}.${sign(ctx.secret, payload)}`,
    bits: config.signup.powBits,
    notBefore: new Date(now + config.signup.minSeconds * 1000).toISOString(),
  };
}

const botCheckFailed = (why: string) =>
  new AppError(
    'BOT_CHECK_FAILED',
    `The form check failed (${why}). Reload the page and try again.`,
  );

/** Verifies the signed, time-boxed, single-use challenge and its proof of work. */
async function verifyProof(
  ctx: SignupContext,
  proof: { challenge: string; nonce: string },
  now = Date.now(),
): Promise<void> {
  const [payload = '', signature = ''] = proof.challenge.split('.');
  if (!safeEqual(signature, sign(ctx.secret, payload))) throw botCheckFailed('unknown form');
  let issued: { id: string; at: number };
  try {
    issued = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      id: string;
      at: number;
    };
  } catch {
    throw botCheckFailed('unknown form');
  }
  const { signup } = ctx.services.config;
  if (now - issued.at > CHALLENGE_TTL_MS) throw botCheckFailed('the form expired');
  if (now - issued.at < signup.minSeconds * 1000) throw botCheckFailed('sent too quickly');
  const digest = createHash('sha256').update(proofInput(proof.challenge, proof.nonce)).digest();
  if (leadingZeroBits(digest) < signup.powBits) throw botCheckFailed('no proof of work');
  const counters = ctx.services.counters;
  const used = await counters.increment(`p:signup-challenge:${issued.id}`, CHALLENGE_TTL_MS);
  if (used.count > 1) throw botCheckFailed('the form was already used');
}

export async function slugAvailability(
  ctx: RequestMeta,
  rawSlug: string,
): Promise<SlugAvailability> {
  const slug = rawSlug.trim().toLowerCase();
  const check = checkSlug(slug, [ctx.services.config.hosts.platformSubdomain]);
  if (!check.ok) return { slug, available: false, reason: check.problem };
  // Any existing school holds its slug, archived ones included; the answer says only "taken".
  const existing = await ctx.services.db.withPlatform((tx) => findSchoolBySlug(tx, slug));
  return existing
    ? { slug, available: false, reason: 'taken' }
    : { slug, available: true, reason: 'available' };
}

export async function signUp(ctx: SignupContext, input: SignupBody): Promise<SignupResult> {
  const { config } = ctx.services;
  const perIp = await ctx.services.counters.increment(`p:signup-ip:${ctx.ip}`, 3_600_000);
  if (perIp.count > config.signup.perIpPerHour) {
    throw new AppError(
      'RATE_LIMITED',
      'Too many sign-ups from this address. Try again later.',
      undefined,
      {
        'retry-after': String(Math.ceil(perIp.resetInMs / 1000)),
      },
    );
  }
  await verifyProof(ctx, input.proof);

  const slug = input.slug.trim().toLowerCase();
  const check = checkSlug(slug, [config.hosts.platformSubdomain]);
  if (!check.ok) {
    throw new AppError('VALIDATION_FAILED', 'Choose another address for your school.', [
      {
        field: 'slug',
        code: check.problem,
        message: `is not available (${check.problem.replace(/_/g, ' ')})`,
      },
    ]);
  }
  const email = input.email.trim().toLowerCase();
  assertStrongPassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const trialEndsAt = new Date(Date.now() + config.signup.trialDays * 86_400_000);
  const locale = input.locale ?? 'en';

  const token = newSecretToken();
  // One transaction: the school and its platform records, then (as the new school's tenant)
  // its first admin and sign-in link. It all commits together or not at all.
  const school = await ctx.services.db
    .withPlatform(async (tx) => {
      const plan = await defaultPlan(tx);
      const row = await insertSchool(tx, {
        id: newId(),
        slug,
        name: input.schoolName.trim(),
        status: 'trial',
        trialEndsAt,
        planId: plan.id,
        locale,
        timezone: 'UTC',
      });
      await tx.insert(schoolStatusHistory).values({
        id: newId(),
        ownerSchoolId: row.id,
        fromStatus: null,
        toStatus: 'trial',
        reason: 'self-service sign-up',
      });
      await insertPlatformAudit(tx, {
        id: newId(),
        action: 'school.signed_up',
        targetSchoolId: row.id,
        targetSchoolSlug: row.slug,
        details: { planId: plan.id, trialEndsAt: trialEndsAt.toISOString(), adminEmail: email },
        requestId: ctx.requestId,
      });
      await continueAsNewTenant(tx, row.id);
      const admin = await insertUser(tx, {
        schoolId: row.id,
        id: newId(),
        email,
        name: input.adminName.trim(),
        status: 'active',
        roles: ['admin'],
        passwordHash,
        passwordChangedAt: new Date(),
      });
      await insertUserToken(tx, {
        schoolId: row.id,
        id: newId(),
        userId: admin.id,
        purpose: 'sign-in',
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + SIGN_IN_LINK_TTL_MS),
      });
      await recordAudit(
        tx,
        { schoolId: row.id, actor: null, requestId: ctx.requestId },
        {
          action: 'school.created',
          entityType: 'school',
          entityId: row.id,
          actorUserId: admin.id,
          after: { name: row.name, slug },
        },
      );
      return row;
    })
    .catch((error: unknown) => {
      // Two sign-ups racing for one slug: the unique key lets exactly one through.
      if (isUniqueViolation(error, 'schools_slug_key')) {
        throw new AppError('SLUG_TAKEN', 'This address was just taken. Choose another.', [
          { field: 'slug', code: 'taken', message: 'is already taken' },
        ]);
      }
      throw error;
    });

  await ctx.services.directory.invalidate({ slugs: [slug] });
  const origin = publicOrigin(config, `${slug}.${primaryRoot(config)}`);
  return {
    school: { id: school.id, slug, name: school.name },
    signInUrl: `${origin}/welcome#token=${token}`,
    trialEndsAt: trialEndsAt.toISOString(),
  };
}
