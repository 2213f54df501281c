import { randomBytes } from 'node:crypto';
import type {
  AddDomainBody,
  Domain,
  DomainInstructions,
  DomainList,
  PlatformDomain,
  PlatformDomainListQuery,
  RemoveDomainBody,
} from '../../../shared/contracts/domains.js';
import {
  classifyHost,
  normaliseHost,
  type HostConfig,
} from '../../../shared/host-classification.js';
import type { AppServices } from '../../app.js';
import { primaryRoot, type Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.js';
import {
  requireOperator,
  requirePermission,
  type PlatformContext,
  type TenantContext,
} from '../../platform/auth/context.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { gateFor } from '../../platform/tenancy/tenant-record.js';
import { insertPlatformAudit } from '../operators/operators.repository.js';
import { loadEntitlements } from '../schools/plans.service.js';
import type { DomainResolver } from './dns-resolver.js';
import {
  checkDns,
  nextState,
  txtRecordName,
  txtRecordValue,
  type VerificationState,
} from './domain-verification.js';
import {
  claimDueDomains,
  countDomainsOfSchool,
  deleteDomain,
  findDomain,
  insertDomain,
  listDomainsOfSchool,
  listDomainsPage,
  lockDomain,
  lockSchoolForDomains,
  updateDomain,
  type DomainRow,
  type DomainWithSchool,
} from './domains.repository.js';

export const MAX_DOMAINS_PER_SCHOOL = 5;
// A claimed domain is left alone this long by other nodes; a check finishes well within it.
const CLAIM_LEASE_MS = 10 * 60_000;
// Names that can never be registered publicly, so no certificate authority would vouch for them.
const SPECIAL_USE_TLDS = new Set(['localhost', 'local', 'invalid', 'internal', 'arpa', 'onion']);
const VERIFIER_REQUEST_ID = 'domain-verifier';
const ENTITY = 'custom_domain';

/** What checking a domain needs beyond the request: the app's services and a resolver. */
export type DomainDeps = Pick<AppServices, 'db' | 'directory' | 'config'> & {
  resolver: DomainResolver;
};

export interface CheckOutcome {
  before: DomainRow;
  after: DomainRow;
  cnameOk: boolean;
}

function domainNotFound(): AppError {
  return new AppError('NOT_FOUND', 'No such domain.');
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function cnameTarget(config: Config, slug: string): string {
  return `${slug}.${primaryRoot(config)}`;
}

export function instructionsFor(
  config: Config,
  domain: Pick<DomainRow, 'hostname' | 'verificationToken'>,
  slug: string,
): DomainInstructions {
  return {
    txt: {
      name: txtRecordName(domain.hostname),
      value: txtRecordValue(domain.verificationToken),
    },
    cname: { name: domain.hostname, target: cnameTarget(config, slug) },
  };
}

function commonFields(row: DomainRow, cnameOk: boolean | undefined) {
  return {
    id: row.id,
    hostname: row.hostname,
    status: row.status,
    verifiedAt: iso(row.verifiedAt),
    lastCheckedAt: iso(row.lastCheckedAt),
    lastError: row.lastError,
    attempts: row.attempts,
    nextCheckAt: iso(row.nextCheckAt),
    createdAt: row.createdAt.toISOString(),
    ...(cnameOk === undefined ? {} : { cnameOk }),
  };
}

function toDomain(config: Config, row: DomainRow, slug: string, cnameOk?: boolean): Domain {
  return { ...commonFields(row, cnameOk), instructions: instructionsFor(config, row, slug) };
}

function toPlatformDomain(
  row: DomainRow,
  school: { id: string; slug: string; name: string },
  cnameOk?: boolean,
): PlatformDomain {
  return { ...commonFields(row, cnameOk), school };
}

function invalidHostname(code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'This domain cannot be connected.', [
    { field: 'hostname', code, message },
  ]);
}

/**
 * The canonical form of a domain a school asks for (lowercase, punycode), refused unless it is
 * a `custom` host: never one of the platform's own roots, preview suffixes or an address.
 */
export function validateHostname(raw: string, hosts: HostConfig): string {
  const input = raw.trim();
  const normalised = normaliseHost(input);
  if (!normalised.ok) {
    throw invalidHostname('invalid', `is not a valid domain name (${normalised.reason})`);
  }
  if (normalised.ip) throw invalidHostname('ip_address', 'must be a domain name, not an address');
  if (input.includes(':')) throw invalidHostname('port', 'must not include a port');
  const host = normalised.host;
  if (classifyHost(host, hosts).kind !== 'custom') {
    throw invalidHostname('reserved', 'is one of Schoolhouse’s own addresses, not a custom domain');
  }
  const labels = host.split('.');
  if (labels.length < 2 || SPECIAL_USE_TLDS.has(labels[labels.length - 1] ?? '')) {
    throw invalidHostname('not_public', 'must be a public domain such as portal.school.edu');
  }
  // Room for the `_schoolhouse.` label of the TXT record within DNS's 253 characters.
  if (txtRecordName(host).length > 253) throw invalidHostname('too_long', 'is too long');
  return host;
}

function hostnameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'custom_domains_hostname_key')) {
    throw new AppError('CONFLICT', 'This domain is already connected to a school.', [
      { field: 'hostname', code: 'taken', message: 'is already connected to a school' },
    ]);
  }
  throw error;
}

function depsOf(services: AppServices, resolver: DomainResolver): DomainDeps {
  return { db: services.db, directory: services.directory, config: services.config, resolver };
}

/**
 * Asks DNS about one domain and records what it found. DNS is queried outside any transaction;
 * the row is then locked and the result applied to its current state, so a check racing a
 * removal or another check never resurrects or double-counts anything. `retry` (a person
 * asking) gives a failed domain a fresh run of attempts.
 */
export async function checkDomain(
  deps: DomainDeps,
  domain: DomainWithSchool,
  options: {
    retry: boolean;
    inTransaction?: (tx: Tx, outcome: CheckOutcome) => Promise<void>;
  },
): Promise<CheckOutcome | null> {
  const result = await checkDns(deps.resolver, {
    hostname: domain.hostname,
    token: domain.verificationToken,
    cnameTarget: cnameTarget(deps.config, domain.schoolSlug),
  });
  const now = new Date();
  const outcome = await deps.db.withPlatform(async (tx) => {
    const current = await lockDomain(tx, domain.id);
    if (!current) return null;
    const base: VerificationState =
      options.retry && current.status === 'failed'
        ? { status: 'pending', attempts: 0, verifiedAt: null }
        : current;
    const after = await updateDomain(tx, current.id, nextState(base, result, now));
    if (!after) return null;
    const applied = { before: current, after, cnameOk: result.cnameOk };
    await options.inTransaction?.(tx, applied);
    return applied;
  });
  if (outcome && outcome.after.status === 'verified' && outcome.before.status !== 'verified') {
    // The host may be remembered as "no school" for a few seconds; it must answer at once.
    await deps.directory.invalidate({ hosts: [outcome.after.hostname] });
  }
  return outcome;
}

/** Records in the school's own trail when its domain goes live or gives up. */
async function auditTransition(
  db: Database,
  outcome: CheckOutcome,
  by: { operatorId: string | null; requestId: string },
): Promise<void> {
  const { before, after } = outcome;
  if (before.status === after.status) return;
  if (after.status !== 'verified' && after.status !== 'failed') return;
  await db.withTenant(after.ownerSchoolId, (tx) =>
    recordAudit(
      tx,
      { schoolId: after.ownerSchoolId, actor: null, requestId: by.requestId },
      {
        action: after.status === 'verified' ? 'domain.verified' : 'domain.verification_failed',
        entityType: ENTITY,
        entityId: after.id,
        before: { status: before.status },
        after: { hostname: after.hostname, status: after.status, lastError: after.lastError },
        actorUserId: null,
        actorOperatorId: by.operatorId,
      },
    ),
  );
}

// ---- School host: the school's administrators -------------------------------------------

export async function listSchoolDomains(ctx: TenantContext): Promise<DomainList> {
  requirePermission(ctx, 'school:manage');
  const rows = await ctx.services.db.withPlatform((tx) => listDomainsOfSchool(tx, ctx.schoolId));
  return {
    items: rows.map((row) => toDomain(ctx.services.config, row, ctx.school.slug)),
    maxDomains: MAX_DOMAINS_PER_SCHOOL,
  };
}

export async function addSchoolDomain(ctx: TenantContext, input: AddDomainBody): Promise<Domain> {
  requirePermission(ctx, 'school:manage');
  const { config, db } = ctx.services;
  const row = await db
    .withPlatform(async (tx) => {
      const entitlements = await loadEntitlements(tx, ctx.schoolId);
      if (entitlements?.features.customDomains !== true) {
        throw new AppError(
          'FEATURE_NOT_AVAILABLE',
          'Custom domains are not included in this school’s plan.',
        );
      }
      const hostname = validateHostname(input.hostname, config.hosts);
      await lockSchoolForDomains(tx, ctx.schoolId);
      if ((await countDomainsOfSchool(tx, ctx.schoolId)) >= MAX_DOMAINS_PER_SCHOOL) {
        throw new AppError(
          'RULE_VIOLATION',
          `A school can connect at most ${MAX_DOMAINS_PER_SCHOOL} domains. Remove one first.`,
        );
      }
      // Set here rather than by the database, so list cursors round-trip exactly.
      const now = new Date();
      return insertDomain(tx, {
        id: newId(),
        ownerSchoolId: ctx.schoolId,
        hostname,
        verificationToken: randomBytes(16).toString('hex'),
        status: 'pending',
        attempts: 0,
        nextCheckAt: now,
        createdAt: now,
      });
    })
    .catch(hostnameTaken);
  await db.withTenant(ctx.schoolId, (tx) =>
    recordAudit(tx, ctx, {
      action: 'domain.added',
      entityType: ENTITY,
      entityId: row.id,
      after: { hostname: row.hostname, status: row.status },
    }),
  );
  return toDomain(config, row, ctx.school.slug);
}

export async function removeSchoolDomain(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'school:manage');
  const { db, directory } = ctx.services;
  const removed = await db.withPlatform(async (tx) => {
    const found = await findDomain(tx, unverifiedId, ctx.schoolId);
    if (!found) throw domainNotFound();
    await deleteDomain(tx, found.id);
    return found;
  });
  await directory.invalidate({ hosts: [removed.hostname] });
  await db.withTenant(ctx.schoolId, (tx) =>
    recordAudit(tx, ctx, {
      action: 'domain.removed',
      entityType: ENTITY,
      entityId: removed.id,
      before: { hostname: removed.hostname, status: removed.status },
    }),
  );
}

export async function verifySchoolDomain(
  ctx: TenantContext,
  unverifiedId: string,
  resolver: DomainResolver,
): Promise<Domain> {
  requirePermission(ctx, 'school:manage');
  const { db, config } = ctx.services;
  const domain = await db.withPlatform((tx) => findDomain(tx, unverifiedId, ctx.schoolId));
  if (!domain) throw domainNotFound();
  const outcome = await checkDomain(depsOf(ctx.services, resolver), domain, { retry: true });
  if (!outcome) throw domainNotFound();
  const { before, after, cnameOk } = outcome;
  await db.withTenant(ctx.schoolId, (tx) =>
    recordAudit(tx, ctx, {
      action: 'domain.checked',
      entityType: ENTITY,
      entityId: after.id,
      before: { status: before.status, attempts: before.attempts },
      after: {
        hostname: after.hostname,
        status: after.status,
        attempts: after.attempts,
        lastError: after.lastError,
        cnameOk,
      },
    }),
  );
  return toDomain(config, after, domain.schoolSlug, cnameOk);
}

// ---- Platform host: operators --------------------------------------------------------------

export async function listDomains(
  ctx: PlatformContext,
  query: PlatformDomainListQuery,
): Promise<{ items: PlatformDomain[]; nextCursor: string | null }> {
  requireOperator(ctx);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await ctx.services.db.withPlatform((tx) =>
    listDomainsPage(tx, {
      limit,
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(after ? { before: { createdAt: new Date(String(after[0])), id: String(after[1]) } } : {}),
    }),
  );
  const result = page(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: result.items.map((r) =>
      toPlatformDomain(r, { id: r.ownerSchoolId, slug: r.schoolSlug, name: r.schoolName }),
    ),
    nextCursor: result.nextCursor,
  };
}

export async function verifyDomainAsOperator(
  ctx: PlatformContext,
  unverifiedId: string,
  resolver: DomainResolver,
): Promise<PlatformDomain> {
  const operator = requireOperator(ctx);
  const { db } = ctx.services;
  const domain = await db.withPlatform((tx) => findDomain(tx, unverifiedId));
  if (!domain) throw domainNotFound();
  const outcome = await checkDomain(depsOf(ctx.services, resolver), domain, {
    retry: true,
    inTransaction: (tx, { before, after, cnameOk }) =>
      insertPlatformAudit(tx, {
        id: newId(),
        operatorId: operator.operatorId,
        operatorEmail: operator.email,
        action: 'domain.checked',
        targetSchoolId: domain.ownerSchoolId,
        targetSchoolSlug: domain.schoolSlug,
        details: {
          domainId: after.id,
          hostname: after.hostname,
          from: before.status,
          status: after.status,
          attempts: after.attempts,
          lastError: after.lastError,
          cnameOk,
        },
        requestId: ctx.requestId,
      }),
  });
  if (!outcome) throw domainNotFound();
  await auditTransition(db, outcome, {
    operatorId: operator.operatorId,
    requestId: ctx.requestId,
  });
  return toPlatformDomain(
    outcome.after,
    { id: domain.ownerSchoolId, slug: domain.schoolSlug, name: domain.schoolName },
    outcome.cnameOk,
  );
}

export async function removeDomainAsOperator(
  ctx: PlatformContext,
  unverifiedId: string,
  input: RemoveDomainBody,
): Promise<void> {
  const operator = requireOperator(ctx);
  const reason = input.reason.trim();
  if (reason.length < 10) {
    throw new AppError('VALIDATION_FAILED', 'Say why this domain is being removed.', [
      { field: 'reason', code: 'minLength', message: 'must be at least 10 characters' },
    ]);
  }
  const { db, directory } = ctx.services;
  const removed = await db.withPlatform(async (tx) => {
    const found = await findDomain(tx, unverifiedId);
    if (!found) throw domainNotFound();
    await deleteDomain(tx, found.id);
    await insertPlatformAudit(tx, {
      id: newId(),
      operatorId: operator.operatorId,
      operatorEmail: operator.email,
      action: 'domain.removed',
      targetSchoolId: found.ownerSchoolId,
      targetSchoolSlug: found.schoolSlug,
      reason,
      details: { domainId: found.id, hostname: found.hostname, status: found.status },
      requestId: ctx.requestId,
    });
    return found;
  });
  await directory.invalidate({ hosts: [removed.hostname] });
  // The school sees in its own trail that the platform took its domain away, and why.
  await db.withTenant(removed.ownerSchoolId, (tx) =>
    recordAudit(
      tx,
      { schoolId: removed.ownerSchoolId, actor: null, requestId: ctx.requestId },
      {
        action: 'domain.removed',
        entityType: ENTITY,
        entityId: removed.id,
        before: { hostname: removed.hostname, status: removed.status },
        after: { reason },
        actorUserId: null,
        actorOperatorId: operator.operatorId,
      },
    ),
  );
}

// ---- Background checks and the TLS ask endpoint ----------------------------------------------

export interface DueCheckSummary {
  claimed: number;
  verified: string[];
  failed: string[];
  errors: { hostname: string; error: unknown }[];
}

async function forEachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** Claims the pending domains whose check is due and checks each; never throws per domain. */
export async function checkDueDomains(
  deps: DomainDeps,
  options: { batchSize: number; concurrency: number; now?: Date },
): Promise<DueCheckSummary> {
  const now = options.now ?? new Date();
  const claimed = await deps.db.withPlatform((tx) =>
    claimDueDomains(tx, now, options.batchSize, new Date(now.getTime() + CLAIM_LEASE_MS)),
  );
  const summary: DueCheckSummary = {
    claimed: claimed.length,
    verified: [],
    failed: [],
    errors: [],
  };
  await forEachLimited(claimed, options.concurrency, async (domain) => {
    try {
      const outcome = await checkDomain(deps, domain, { retry: false });
      if (!outcome) return;
      await auditTransition(deps.db, outcome, {
        operatorId: null,
        requestId: VERIFIER_REQUEST_ID,
      });
      if (outcome.after.status === 'verified') summary.verified.push(domain.hostname);
      if (outcome.after.status === 'failed') summary.failed.push(domain.hostname);
    } catch (error) {
      summary.errors.push({ hostname: domain.hostname, error });
    }
  });
  return summary;
}

/**
 * Whether a TLS-terminating proxy may obtain a certificate for a host: only for names this
 * deployment actually serves, so nobody can make it request certificates for arbitrary names
 * (and exhaust the certificate authority's rate limits). A school that exists but is suspended
 * or in maintenance still gets one: it must be able to show that page over HTTPS.
 */
export async function isTlsAllowed(
  services: Pick<AppServices, 'config' | 'directory'>,
  rawDomain: string,
): Promise<boolean> {
  const { hosts } = services.config;
  const hostClass = classifyHost(rawDomain, hosts);
  switch (hostClass.kind) {
    case 'marketing':
      return hosts.rootDomains.some(
        (root) => hostClass.host === root || hostClass.host === `www.${root}`,
      );
    case 'platform':
      return hosts.rootDomains.includes(hostClass.root);
    case 'tenant': {
      if (hostClass.preview !== null) return false;
      const found = services.directory.bySlug(hostClass.slug);
      const tenant = found instanceof Promise ? await found : found;
      return gateFor(tenant, Date.now()) !== 'not-found';
    }
    case 'custom': {
      const found = services.directory.byCustomHost(hostClass.host);
      const tenant = found instanceof Promise ? await found : found;
      return gateFor(tenant, Date.now()) !== 'not-found';
    }
    default:
      return false;
  }
}
