import { and, asc, desc, eq, gt, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SchoolStatus } from './schools.table.js';
import { checkSlug } from '../../../shared/slug.js';
import { requireOperator, type PlatformContext } from '../../platform/auth/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/database.js';
import { continueAsNewTenant } from '../../platform/db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { toTenantRecord } from '../../platform/tenancy/tenant-record.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { listTenantTables } from '../../platform/db/isolation-invariants.js';
import { p95FromBuckets } from '../../platform/observability/usage-meter.js';
import { insertPlatformAudit, listPlatformAudit } from '../operators/operators.repository.js';
import { insertUser } from '../users/users.repository.js';
import { issueInvitation } from '../users/users.service.js';
import { entitlementsFor, defaultPlan } from './plans.service.js';
import { insertSchool, type SchoolRow } from './schools.repository.js';
import {
  customDomains,
  plans,
  schoolActiveUsers,
  schools,
  schoolStatusHistory,
  schoolUsage,
  type PlanLimits,
} from './schools.table.js';

// The life of a school as operators run it. Every action names a reason, is checked against
// the allowed transitions, records status history and a platform audit event, and evicts the
// school from every node's cache so its host answers the new way at once.

export type LifecycleAction = 'activate' | 'suspend' | 'reactivate' | 'archive' | 'restore';

const TRANSITIONS: Record<
  LifecycleAction,
  { from: SchoolStatus[]; to: SchoolStatus; done: string }
> = {
  activate: { from: ['trial'], to: 'active', done: 'activated' },
  suspend: { from: ['trial', 'active'], to: 'suspended', done: 'suspended' },
  reactivate: { from: ['suspended'], to: 'active', done: 'reactivated' },
  archive: { from: ['trial', 'active', 'suspended'], to: 'archived', done: 'archived' },
  // A restored school comes back suspended: someone decides explicitly to open it again.
  restore: { from: ['archived'], to: 'suspended', done: 'restored' },
};

export const SORTS = {
  created: schools.createdAt,
  lastActivity: schools.lastActivityAt,
  students: schools.studentCount,
  requests: schools.requests30d,
  name: schools.name,
} as const;
export type SchoolSort = keyof typeof SORTS;

export interface SchoolListQuery {
  q?: string;
  status?: SchoolStatus;
  planId?: string;
  sort?: SchoolSort;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

function summary(row: SchoolRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    planId: row.planId,
    trialEndsAt: row.trialEndsAt?.toISOString() ?? null,
    maintenance: row.maintenance,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    userCount: row.userCount,
    studentCount: row.studentCount,
    requests30d: row.requests30d,
  };
}
export type SchoolSummary = ReturnType<typeof summary>;

function sortValue(row: SchoolRow, sort: SchoolSort): string | number {
  switch (sort) {
    case 'created':
      return row.createdAt.toISOString();
    case 'lastActivity':
      return row.lastActivityAt.toISOString();
    case 'students':
      return row.studentCount;
    case 'requests':
      return row.requests30d;
    case 'name':
      return row.name;
  }
}

/** Keyset pages over (sort column, id), each served by an index on exactly that pair. */
export async function listSchools(ctx: PlatformContext, query: SchoolListQuery) {
  requireOperator(ctx);
  const sort = query.sort ?? 'created';
  const order = query.order ?? (sort === 'name' ? 'asc' : 'desc');
  const limit = query.limit ?? 50;
  const column = SORTS[sort];
  const numeric = sort === 'students' || sort === 'requests';
  const after = decodeCursor(query.cursor, [numeric ? 'number' : 'string', 'string']);
  const conditions: SQL[] = [];
  if (after) {
    const raw = after[0] as string | number;
    const value = sort === 'created' || sort === 'lastActivity' ? new Date(String(raw)) : raw;
    const id = String(after[1]);
    const beyond =
      order === 'asc'
        ? or(gt(column, value), and(eq(column, value), gt(schools.id, id)))
        : or(lt(column, value), and(eq(column, value), lt(schools.id, id)));
    if (beyond) conditions.push(beyond);
  }
  if (query.status) conditions.push(eq(schools.status, query.status));
  if (query.planId) conditions.push(eq(schools.planId, query.planId));
  if (query.q) {
    const term = query.q.trim().toLowerCase();
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(schools.name, pattern),
      ilike(schools.slug, pattern),
      sql`exists (select 1 from ${customDomains} d where d.owner_school_id = ${schools.id} and d.hostname like ${pattern})`,
    );
    if (match) conditions.push(match);
  }
  const direction = order === 'asc' ? asc : desc;
  const rows = await ctx.services.db.withPlatform((tx) =>
    tx
      .select()
      .from(schools)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(direction(column), direction(schools.id))
      .limit(limit + 1),
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(summary),
    nextCursor: rows.length > limit && last ? encodeCursor([sortValue(last, sort), last.id]) : null,
  };
}

async function lockSchool(tx: Tx, unverifiedId: string): Promise<SchoolRow> {
  const rows = await tx
    .select()
    .from(schools)
    .where(eq(schools.id, unverifiedId))
    .for('update')
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'No such school.');
  return row;
}

async function verifiedHosts(tx: Tx, schoolId: string): Promise<string[]> {
  const rows = await tx
    .select({ hostname: customDomains.hostname })
    .from(customDomains)
    .where(eq(customDomains.ownerSchoolId, schoolId));
  return rows.map((r) => r.hostname);
}

function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length < 5) {
    throw new AppError('VALIDATION_FAILED', 'Give a reason for this change.', [
      { field: 'reason', code: 'minLength', message: 'must say why (at least 5 characters)' },
    ]);
  }
  return trimmed;
}

interface Change {
  action: string;
  reason: string;
  details?: Record<string, unknown>;
  /** Returns the updated row; runs inside the same transaction as the audit records. */
  apply: (tx: Tx, school: SchoolRow) => Promise<SchoolRow>;
}

async function changeSchool(
  ctx: PlatformContext,
  unverifiedId: string,
  change: Change,
): Promise<SchoolSummary> {
  const operator = requireOperator(ctx);
  const { before, after, hosts } = await ctx.services.db.withPlatform(async (tx) => {
    const before = await lockSchool(tx, unverifiedId);
    const after = await change.apply(tx, before);
    if (after.status !== before.status) {
      await tx.insert(schoolStatusHistory).values({
        id: newId(),
        ownerSchoolId: before.id,
        fromStatus: before.status,
        toStatus: after.status,
        reason: change.reason,
        operatorId: operator.operatorId,
      });
    }
    await insertPlatformAudit(tx, {
      id: newId(),
      operatorId: operator.operatorId,
      operatorEmail: operator.email,
      action: change.action,
      targetSchoolId: before.id,
      targetSchoolSlug: before.slug,
      reason: change.reason,
      details: {
        ...change.details,
        ...(after.status !== before.status ? { from: before.status, to: after.status } : {}),
      },
      requestId: ctx.requestId,
    });
    return { before, after, hosts: await verifiedHosts(tx, before.id) };
  });
  await ctx.services.directory.invalidate({
    slugs: [...new Set([before.slug, after.slug])],
    hosts,
  });
  return summary(after);
}

async function update(
  tx: Tx,
  id: string,
  fields: Partial<typeof schools.$inferInsert>,
): Promise<SchoolRow> {
  const rows = await tx
    .update(schools)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(schools.id, id))
    .returning();
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'No such school.');
  return row;
}

export function transition(
  ctx: PlatformContext,
  id: string,
  action: LifecycleAction,
  reason?: string,
) {
  const rule = TRANSITIONS[action];
  return changeSchool(ctx, id, {
    action: `school.${rule.done}`,
    reason: requireReason(reason),
    async apply(tx, school) {
      if (!rule.from.includes(school.status)) {
        throw new AppError(
          'INVALID_TRANSITION',
          `A school that is ${school.status} cannot be ${rule.done}.`,
        );
      }
      return update(tx, school.id, { status: rule.to, statusChangedAt: new Date() });
    },
  });
}

export function setMaintenance(
  ctx: PlatformContext,
  id: string,
  enabled: boolean,
  reason?: string,
) {
  return changeSchool(ctx, id, {
    action: enabled ? 'school.maintenance_on' : 'school.maintenance_off',
    reason: requireReason(reason),
    apply: (tx, school) => update(tx, school.id, { maintenance: enabled }),
  });
}

export function renameSchool(ctx: PlatformContext, id: string, rawSlug: string, reason?: string) {
  const slug = rawSlug.trim().toLowerCase();
  const check = checkSlug(slug, [ctx.services.config.hosts.platformSubdomain]);
  if (!check.ok) {
    throw new AppError('VALIDATION_FAILED', 'That address cannot be used.', [
      {
        field: 'slug',
        code: check.problem,
        message: `is not available (${check.problem.replace(/_/g, ' ')})`,
      },
    ]);
  }
  return changeSchool(ctx, id, {
    action: 'school.renamed',
    reason: requireReason(reason),
    details: { to: slug },
    async apply(tx, school) {
      if (school.status === 'archived')
        throw new AppError('INVALID_TRANSITION', 'Restore the school before renaming it.');
      try {
        return await update(tx, school.id, { slug });
      } catch (error) {
        if (isUniqueViolation(error, 'schools_slug_key')) {
          throw new AppError('SLUG_TAKEN', 'Another school already has this address.', [
            { field: 'slug', code: 'taken', message: 'is already taken' },
          ]);
        }
        throw error;
      }
    },
  });
}

export function changePlan(
  ctx: PlatformContext,
  id: string,
  input: {
    planId: string;
    limitOverrides?: Partial<PlanLimits>;
    features?: Record<string, boolean>;
    reason?: string;
  },
) {
  return changeSchool(ctx, id, {
    action: 'school.plan_changed',
    reason: requireReason(input.reason),
    details: {
      planId: input.planId,
      limitOverrides: input.limitOverrides ?? null,
      features: input.features ?? null,
    },
    async apply(tx, school) {
      const found = await tx
        .select({ id: plans.id })
        .from(plans)
        .where(eq(plans.id, input.planId))
        .limit(1);
      if (!found[0]) {
        throw new AppError('VALIDATION_FAILED', 'No such plan.', [
          { field: 'planId', code: 'unknown', message: 'is not a plan' },
        ]);
      }
      return update(tx, school.id, {
        planId: input.planId,
        ...(input.limitOverrides ? { limitOverrides: input.limitOverrides } : {}),
        ...(input.features ? { features: input.features } : {}),
      });
    },
  });
}

export function changeTrial(
  ctx: PlatformContext,
  id: string,
  input: { extendDays?: number; end?: boolean; reason?: string },
) {
  return changeSchool(ctx, id, {
    action: input.end ? 'school.trial_ended' : 'school.trial_extended',
    reason: requireReason(input.reason),
    details: input.end ? {} : { days: input.extendDays },
    async apply(tx, school) {
      if (school.status !== 'trial')
        throw new AppError('INVALID_TRANSITION', 'Only a school on trial has a trial to change.');
      if (input.end) return update(tx, school.id, { trialEndsAt: new Date() });
      const days = input.extendDays ?? 0;
      if (days < 1 || days > 365) {
        throw new AppError('VALIDATION_FAILED', 'Extend by 1 to 365 days.', [
          { field: 'extendDays', code: 'range', message: 'must be between 1 and 365' },
        ]);
      }
      const from = Math.max(Date.now(), school.trialEndsAt?.getTime() ?? Date.now());
      return update(tx, school.id, { trialEndsAt: new Date(from + days * 86_400_000) });
    },
  });
}

/** An operator creates a school for a customer; its first admin gets an invitation. */
export async function createSchoolForCustomer(
  ctx: PlatformContext,
  input: {
    name: string;
    slug: string;
    adminName: string;
    adminEmail: string;
    planId?: string;
    trialDays?: number;
    locale?: 'en' | 'ar';
    reason?: string;
  },
): Promise<SchoolSummary> {
  const operator = requireOperator(ctx);
  const slug = input.slug.trim().toLowerCase();
  const check = checkSlug(slug, [ctx.services.config.hosts.platformSubdomain]);
  if (!check.ok) {
    throw new AppError('VALIDATION_FAILED', 'That address cannot be used.', [
      {
        field: 'slug',
        code: check.problem,
        message: `is not available (${check.problem.replace(/_/g, ' ')})`,
      },
    ]);
  }
  const reason = input.reason?.trim() || 'created by an operator';
  // One transaction: the school and its platform records, then (as the new school's tenant)
  // its first admin, the invitation and the audit rows. All of it commits, or none of it.
  const { school, mailId } = await ctx.services.db
    .withPlatform(async (tx) => {
      const planId = input.planId ?? (await defaultPlan(tx)).id;
      const status: SchoolStatus = input.trialDays ? 'trial' : 'active';
      const row = await insertSchool(tx, {
        id: newId(),
        slug,
        name: input.name.trim(),
        status,
        trialEndsAt: input.trialDays ? new Date(Date.now() + input.trialDays * 86_400_000) : null,
        planId,
        locale: input.locale ?? 'en',
      });
      await tx.insert(schoolStatusHistory).values({
        id: newId(),
        ownerSchoolId: row.id,
        fromStatus: null,
        toStatus: status,
        reason,
        operatorId: operator.operatorId,
      });
      await insertPlatformAudit(tx, {
        id: newId(),
        operatorId: operator.operatorId,
        operatorEmail: operator.email,
        action: 'school.created',
        targetSchoolId: row.id,
        targetSchoolSlug: row.slug,
        reason,
        details: { planId, adminEmail: input.adminEmail.toLowerCase() },
        requestId: ctx.requestId,
      });
      const plan = (await tx.select().from(plans).where(eq(plans.id, planId)).limit(1))[0];
      if (!plan) throw new Error('the new school has no plan');
      const record = toTenantRecord({ ...row, entitlements: entitlementsFor(plan, row) });
      const tenantCtx = { ...ctx, schoolId: row.id, school: record, actor: null };
      await continueAsNewTenant(tx, row.id);
      const admin = await insertUser(tx, {
        schoolId: row.id,
        id: newId(),
        email: input.adminEmail.trim().toLowerCase(),
        name: input.adminName.trim(),
        status: 'invited',
        roles: ['admin'],
      });
      await recordAudit(tx, tenantCtx, {
        action: 'user.invited',
        entityType: 'user',
        entityId: admin.id,
        actorOperatorId: operator.operatorId,
        after: { email: admin.email, roles: ['admin'] },
      });
      return { school: row, mailId: await issueInvitation(tenantCtx, tx, admin) };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'schools_slug_key')) {
        throw new AppError('SLUG_TAKEN', 'Another school already has this address.', [
          { field: 'slug', code: 'taken', message: 'is already taken' },
        ]);
      }
      if (isForeignKeyViolation(error)) {
        throw new AppError('VALIDATION_FAILED', 'No such plan.', [
          { field: 'planId', code: 'unknown', message: 'is not a plan' },
        ]);
      }
      throw error;
    });
  await ctx.services.directory.invalidate({ slugs: [slug] });
  await ctx.services.mailer.deliver(school.id, [mailId]);
  return summary(school);
}

const PURGE_BATCH = 2_000;

/**
 * Deletes an archived school for good: every tenant table (read from the catalog, so new
 * tables are never forgotten), children before parents, a bounded batch per transaction so
 * other schools are never held up; then the platform rows; a tombstone stays in the audit.
 */
export async function deleteSchool(
  ctx: PlatformContext,
  unverifiedId: string,
  input: { confirmSlug: string; reason?: string },
): Promise<{ deletedRows: number }> {
  const operator = requireOperator(ctx);
  const reason = requireReason(input.reason);
  const db = ctx.services.db;
  const school = await db.withPlatform(async (tx) => {
    const rows = await tx.select().from(schools).where(eq(schools.id, unverifiedId)).limit(1);
    return rows[0] ?? null;
  });
  if (!school) throw new AppError('NOT_FOUND', 'No such school.');
  if (school.status !== 'archived')
    throw new AppError('INVALID_TRANSITION', 'Archive the school before deleting it.');
  if (input.confirmSlug.trim().toLowerCase() !== school.slug) {
    throw new AppError('VALIDATION_FAILED', 'Type the school address to confirm.', [
      { field: 'confirmSlug', code: 'mismatch', message: `must be exactly ${school.slug}` },
    ]);
  }
  const order = await db.withPlatform((tx) => purgeOrder(tx));
  let deletedRows = 0;
  for (const table of order) {
    for (;;) {
      const removed = await db.withPlatform(async (tx) => {
        const result = await tx.execute<{ n: number }>(
          sql`select schoolhouse_purge_school_batch(${table}::regclass, ${school.id}::uuid, ${PURGE_BATCH}) as n`,
        );
        return Number(result.rows[0]?.n ?? 0);
      });
      deletedRows += removed;
      if (removed < PURGE_BATCH) break;
    }
  }
  const hosts = await db.withPlatform(async (tx) => {
    const domains = await verifiedHosts(tx, school.id);
    await tx.delete(schools).where(eq(schools.id, school.id));
    await insertPlatformAudit(tx, {
      id: newId(),
      operatorId: operator.operatorId,
      operatorEmail: operator.email,
      action: 'school.deleted',
      targetSchoolId: school.id,
      targetSchoolSlug: school.slug,
      reason,
      details: {
        name: school.name,
        planId: school.planId,
        createdAt: school.createdAt.toISOString(),
        deletedRows,
      },
      requestId: ctx.requestId,
    });
    return domains;
  });
  await ctx.services.directory.invalidate({ slugs: [school.slug], hosts });
  return { deletedRows };
}

/** Tenant tables ordered so every table comes before the tables it references. */
export async function purgeOrder(tx: Tx): Promise<string[]> {
  const tables = await listTenantTables(async <T>(text: string, params: unknown[] = []) => {
    if (params.length !== 1 || params[0] !== 'public' || !text.includes('$1'))
      throw new Error('unexpected catalog query');
    const result = await tx.execute(sql`${sql.raw(text.replace('$1', "'public'"))}`);
    return result.rows as T[];
  });
  const edges = await tx.execute<{ child: string; parent: string }>(sql`
    select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`);
  const parentsOf = new Map<string, Set<string>>();
  for (const t of tables) parentsOf.set(t, new Set());
  for (const e of edges.rows)
    if (parentsOf.has(e.child) && parentsOf.has(e.parent)) parentsOf.get(e.child)?.add(e.parent);
  // Children first: repeatedly take tables no remaining table references.
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size > 0) {
    const next = [...remaining].filter(
      (t) => ![...remaining].some((other) => parentsOf.get(other)?.has(t)),
    );
    if (next.length === 0) throw new Error('cyclic foreign keys among tenant tables');
    for (const t of next.sort()) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered;
}

export async function getSchoolDetail(ctx: PlatformContext, unverifiedId: string) {
  requireOperator(ctx);
  return ctx.services.db.withPlatform(async (tx) => {
    const rows = await tx
      .select({ school: schools, plan: plans })
      .from(schools)
      .innerJoin(plans, eq(plans.id, schools.planId))
      .where(eq(schools.id, unverifiedId))
      .limit(1);
    const row = rows[0];
    if (!row) throw new AppError('NOT_FOUND', 'No such school.');
    const { school, plan } = row;
    const entitlements = entitlementsFor(plan, school);
    const history = await tx
      .select()
      .from(schoolStatusHistory)
      .where(eq(schoolStatusHistory.ownerSchoolId, school.id))
      .orderBy(desc(schoolStatusHistory.at))
      .limit(50);
    const domains = await tx
      .select()
      .from(customDomains)
      .where(eq(customDomains.ownerSchoolId, school.id));
    const audit = await listPlatformAudit(tx, { limit: 20, schoolId: school.id });
    const since = new Date(Date.now() - 30 * 86_400_000);
    const usage = await tx
      .select()
      .from(schoolUsage)
      .where(and(eq(schoolUsage.ownerSchoolId, school.id), gt(schoolUsage.bucketStart, since)));
    const active = await tx
      .select({ day: schoolActiveUsers.day, n: sql<number>`count(*)::int` })
      .from(schoolActiveUsers)
      .where(
        and(
          eq(schoolActiveUsers.ownerSchoolId, school.id),
          gt(schoolActiveUsers.day, since.toISOString().slice(0, 10)),
        ),
      )
      .groupBy(schoolActiveUsers.day);
    const days = new Map<string, { requests: number; errors: number; latency: number[] }>();
    for (const u of usage) {
      const day = u.bucketStart.toISOString().slice(0, 10);
      const d = days.get(day) ?? { requests: 0, errors: 0, latency: [] };
      d.requests += u.requests;
      d.errors += u.errors;
      d.latency = u.latencyBuckets.map((v, i) => v + (d.latency[i] ?? 0));
      days.set(day, d);
    }
    const activeByDay = new Map(active.map((a) => [String(a.day), a.n]));
    const series = [];
    for (let i = 29; i >= 0; i--) {
      const day = new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10);
      const d = days.get(day);
      series.push({
        day,
        requests: d?.requests ?? 0,
        errors: d?.errors ?? 0,
        p95Ms: d ? p95FromBuckets(d.latency) : null,
        activeUsers: activeByDay.get(day) ?? 0,
      });
    }
    return {
      school: {
        ...summary(school),
        locale: school.locale,
        timezone: school.timezone,
        primaryColor: school.primaryColor,
        features: entitlements.features,
        limitOverrides: school.limitOverrides,
        statusChangedAt: school.statusChangedAt.toISOString(),
      },
      plan: { id: plan.id, name: plan.name },
      limits: [
        { key: 'users', used: school.userCount, limit: entitlements.limits.maxUsers },
        { key: 'students', used: school.studentCount, limit: entitlements.limits.maxStudents },
        { key: 'staff', used: school.staffCount, limit: entitlements.limits.maxStaff },
        {
          key: 'storageMb',
          used: Math.round((school.storageBytes / 1_048_576) * 10) / 10,
          limit: entitlements.limits.maxStorageMb,
        },
        { key: 'requestsPerMinute', used: null, limit: entitlements.limits.rateLimitPerMinute },
      ],
      statusHistory: history.map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        at: h.at.toISOString(),
      })),
      domains: domains.map((d) => ({
        id: d.id,
        hostname: d.hostname,
        status: d.status,
        verifiedAt: d.verifiedAt?.toISOString() ?? null,
        lastError: d.lastError,
      })),
      recentAudit: audit.slice(0, 20).map((a) => ({
        id: a.id,
        at: a.at.toISOString(),
        operatorEmail: a.operatorEmail,
        action: a.action,
        reason: a.reason,
      })),
      usage: series,
    };
  });
}

export async function listAllPlans(ctx: PlatformContext) {
  requireOperator(ctx);
  const rows = await ctx.services.db.withPlatform((tx) =>
    tx.select().from(plans).orderBy(asc(plans.maxStudents)),
  );
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    isDefault: p.isDefault,
    limits: {
      maxStudents: p.maxStudents,
      maxStaff: p.maxStaff,
      maxUsers: p.maxUsers,
      maxStorageMb: p.maxStorageMb,
      rateLimitPerMinute: p.rateLimitPerMinute,
    },
    features: p.features,
  }));
}
