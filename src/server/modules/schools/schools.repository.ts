import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { customDomains, plans, schools, type SchoolStatus } from './schools.table.js';
import { entitlementsFor, type SchoolEntitlements } from './plans.service.js';

export type SchoolRow = typeof schools.$inferSelect;
export type NewSchoolRow = typeof schools.$inferInsert;

export async function findSchoolBySlug(tx: Tx, slug: string): Promise<SchoolRow | null> {
  const rows = await tx.select().from(schools).where(eq(schools.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export type ResolvedSchool = SchoolRow & { entitlements: SchoolEntitlements };

/** The school behind a host, with its plan's limits and features applied, in one query. */
export async function resolveSchoolBySlug(tx: Tx, slug: string): Promise<ResolvedSchool | null> {
  const rows = await tx
    .select({ school: schools, plan: plans })
    .from(schools)
    .innerJoin(plans, eq(plans.id, schools.planId))
    .where(eq(schools.slug, slug))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.school, entitlements: entitlementsFor(row.plan, row.school) } : null;
}

export async function resolveSchoolByVerifiedDomain(
  tx: Tx,
  hostname: string,
): Promise<ResolvedSchool | null> {
  const rows = await tx
    .select({ school: schools, plan: plans })
    .from(customDomains)
    .innerJoin(schools, eq(schools.id, customDomains.ownerSchoolId))
    .innerJoin(plans, eq(plans.id, schools.planId))
    .where(and(eq(customDomains.hostname, hostname), eq(customDomains.status, 'verified')))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.school, entitlements: entitlementsFor(row.plan, row.school) } : null;
}

export async function listVerifiedDomains(tx: Tx, schoolId: string): Promise<string[]> {
  const rows = await tx
    .select({ hostname: customDomains.hostname })
    .from(customDomains)
    .where(and(eq(customDomains.ownerSchoolId, schoolId), eq(customDomains.status, 'verified')));
  return rows.map((r) => r.hostname);
}

export async function insertSchool(tx: Tx, row: NewSchoolRow): Promise<SchoolRow> {
  const rows = await tx.insert(schools).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into schools returned no row');
  return inserted;
}

export async function countSchools(tx: Tx): Promise<number> {
  const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(schools);
  return rows[0]?.n ?? 0;
}

export async function updateSchoolStatus(
  tx: Tx,
  schoolId: string,
  status: SchoolStatus,
): Promise<SchoolRow | null> {
  const rows = await tx
    .update(schools)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(schools.id, schoolId))
    .returning();
  return rows[0] ?? null;
}

export async function updateSchoolFields(
  tx: Tx,
  schoolId: string,
  fields: Partial<Pick<SchoolRow, 'slug' | 'name' | 'maintenance' | 'trialEndsAt' | 'planId'>>,
): Promise<SchoolRow | null> {
  const rows = await tx
    .update(schools)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(schools.id, schoolId))
    .returning();
  return rows[0] ?? null;
}
