import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { customDomains, schools, type SchoolStatus } from './schools.table.js';

export type SchoolRow = typeof schools.$inferSelect;
export type NewSchoolRow = typeof schools.$inferInsert;

export async function findSchoolBySlug(tx: Tx, slug: string): Promise<SchoolRow | null> {
  const rows = await tx.select().from(schools).where(eq(schools.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export async function findSchoolByVerifiedDomain(
  tx: Tx,
  hostname: string,
): Promise<SchoolRow | null> {
  const rows = await tx
    .select({ school: schools })
    .from(customDomains)
    .innerJoin(schools, eq(schools.id, customDomains.ownerSchoolId))
    .where(and(eq(customDomains.hostname, hostname), eq(customDomains.status, 'verified')))
    .limit(1);
  return rows[0]?.school ?? null;
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
