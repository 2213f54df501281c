import {
  and,
  asc,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { customDomains, schools, type DomainStatus } from '../schools/schools.table.js';

// custom_domains is a platform table: every function here runs inside withPlatform.

export type DomainRow = typeof customDomains.$inferSelect;
export type DomainWithSchool = DomainRow & { schoolSlug: string; schoolName: string };
export type DomainUpdate = Partial<
  Pick<
    DomainRow,
    'status' | 'attempts' | 'verifiedAt' | 'lastError' | 'lastCheckedAt' | 'nextCheckAt'
  >
>;

const withSchool = {
  domain: customDomains,
  schoolSlug: schools.slug,
  schoolName: schools.name,
};

function flatten(row: { domain: DomainRow; schoolSlug: string; schoolName: string }) {
  return { ...row.domain, schoolSlug: row.schoolSlug, schoolName: row.schoolName };
}

export async function listDomainsOfSchool(tx: Tx, schoolId: string): Promise<DomainRow[]> {
  return tx
    .select()
    .from(customDomains)
    .where(eq(customDomains.ownerSchoolId, schoolId))
    .orderBy(asc(customDomains.createdAt), asc(customDomains.id));
}

export async function countDomainsOfSchool(tx: Tx, schoolId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(customDomains)
    .where(eq(customDomains.ownerSchoolId, schoolId));
  return rows[0]?.n ?? 0;
}

/** Holds the school row until commit, so concurrent additions cannot both pass the limit. */
export async function lockSchoolForDomains(tx: Tx, schoolId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(eq(schools.id, schoolId))
    .for('update');
  return rows.length > 0;
}

export async function insertDomain(
  tx: Tx,
  row: typeof customDomains.$inferInsert,
): Promise<DomainRow> {
  const rows = await tx.insert(customDomains).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into custom_domains returned no row');
  return inserted;
}

export async function findDomain(
  tx: Tx,
  id: string,
  ownerSchoolId?: string,
): Promise<DomainWithSchool | null> {
  const conditions = [eq(customDomains.id, id)];
  if (ownerSchoolId !== undefined) conditions.push(eq(customDomains.ownerSchoolId, ownerSchoolId));
  const rows = await tx
    .select(withSchool)
    .from(customDomains)
    .innerJoin(schools, eq(schools.id, customDomains.ownerSchoolId))
    .where(and(...conditions))
    .limit(1);
  const row = rows[0];
  return row ? flatten(row) : null;
}

export async function lockDomain(tx: Tx, id: string): Promise<DomainRow | null> {
  const rows = await tx.select().from(customDomains).where(eq(customDomains.id, id)).for('update');
  return rows[0] ?? null;
}

export async function updateDomain(
  tx: Tx,
  id: string,
  fields: DomainUpdate,
): Promise<DomainRow | null> {
  const rows = await tx
    .update(customDomains)
    .set(fields)
    .where(eq(customDomains.id, id))
    .returning();
  return rows[0] ?? null;
}

export async function deleteDomain(tx: Tx, id: string): Promise<DomainRow | null> {
  const rows = await tx.delete(customDomains).where(eq(customDomains.id, id)).returning();
  return rows[0] ?? null;
}

/**
 * Takes up to `limit` pending domains whose check is due and leases them until `leaseUntil`
 * (by moving next_check_at), so other nodes running the verifier skip them; SKIP LOCKED keeps
 * two nodes claiming at the same moment from waiting on each other.
 */
export async function claimDueDomains(
  tx: Tx,
  now: Date,
  limit: number,
  leaseUntil: Date,
): Promise<DomainWithSchool[]> {
  const due = tx
    .select({ id: customDomains.id })
    .from(customDomains)
    .where(
      and(
        eq(customDomains.status, 'pending'),
        or(isNull(customDomains.nextCheckAt), lte(customDomains.nextCheckAt, now)),
      ),
    )
    .orderBy(sql`${customDomains.nextCheckAt} asc nulls first`, asc(customDomains.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await tx
    .update(customDomains)
    .set({ nextCheckAt: leaseUntil })
    .where(inArray(customDomains.id, due))
    .returning({ id: customDomains.id });
  if (claimed.length === 0) return [];
  const rows = await tx
    .select(withSchool)
    .from(customDomains)
    .innerJoin(schools, eq(schools.id, customDomains.ownerSchoolId))
    .where(
      inArray(
        customDomains.id,
        claimed.map((c) => c.id),
      ),
    );
  return rows.map(flatten);
}

export async function listDomainsPage(
  tx: Tx,
  options: {
    limit: number;
    status?: DomainStatus;
    q?: string;
    before?: { createdAt: Date; id: string };
  },
): Promise<DomainWithSchool[]> {
  const conditions: SQL[] = [];
  if (options.before) {
    const older = or(
      lt(customDomains.createdAt, options.before.createdAt),
      and(
        eq(customDomains.createdAt, options.before.createdAt),
        lt(customDomains.id, options.before.id),
      ),
    );
    if (older) conditions.push(older);
  }
  if (options.status) conditions.push(eq(customDomains.status, options.status));
  if (options.q) {
    const pattern = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(customDomains.hostname, pattern),
      ilike(schools.slug, pattern),
      ilike(schools.name, pattern),
    );
    if (match) conditions.push(match);
  }
  const rows = await tx
    .select(withSchool)
    .from(customDomains)
    .innerJoin(schools, eq(schools.id, customDomains.ownerSchoolId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(customDomains.createdAt), desc(customDomains.id))
    .limit(options.limit + 1);
  return rows.map(flatten);
}
