import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { users } from '../users/users.table.js';
import { afterKey, containsPattern, orderByKey, type SortOrder } from './list-query.js';
import { guardians, studentGuardians } from './people.table.js';

export type GuardianRecord = typeof guardians.$inferSelect;

export interface GuardianRow extends GuardianRecord {
  userId: string | null;
}

/** The account linked to the guardian (at most one: users_linked_guardian_key). */
export const guardianUserJoin = and(
  eq(users.schoolId, guardians.schoolId),
  eq(users.linkedGuardianId, guardians.id),
);

export const guardianSortKey = [guardians.lastName, guardians.firstName, guardians.id];

export function guardianKeyOf(row: GuardianRecord): string[] {
  return [row.lastName, row.firstName, row.id];
}

function withUser(rows: { guardian: GuardianRecord; userId: string | null }[]): GuardianRow[] {
  return rows.map((r) => ({ ...r.guardian, userId: r.userId }));
}

export async function findGuardian(
  tx: Tx,
  id: string,
  scope: SQL | null,
): Promise<GuardianRow | null> {
  const rows = await tx
    .select({ guardian: guardians, userId: users.id })
    .from(guardians)
    .leftJoin(users, guardianUserJoin)
    .where(and(eq(guardians.id, id), scope ?? undefined))
    .limit(1);
  return withUser(rows)[0] ?? null;
}

export interface GuardianListFilter {
  scope: SQL | null;
  limit: number;
  order: SortOrder;
  after?: string[];
  q?: string;
}

export async function listGuardians(tx: Tx, filter: GuardianListFilter): Promise<GuardianRow[]> {
  const conditions: SQL[] = [];
  if (filter.scope) conditions.push(filter.scope);
  if (filter.after) conditions.push(afterKey(guardianSortKey, filter.after, filter.order));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const match = or(
      ilike(guardians.firstName, pattern),
      ilike(guardians.lastName, pattern),
      ilike(sql`${guardians.firstName} || ' ' || ${guardians.lastName}`, pattern),
      ilike(guardians.email, pattern),
      ilike(guardians.phone, pattern),
    );
    if (match) conditions.push(match);
  }
  const rows = await tx
    .select({ guardian: guardians, userId: users.id })
    .from(guardians)
    .leftJoin(users, guardianUserJoin)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...orderByKey(guardianSortKey, filter.order))
    .limit(filter.limit + 1);
  return withUser(rows);
}

export async function insertGuardian(
  tx: Tx,
  row: typeof guardians.$inferInsert,
): Promise<GuardianRecord> {
  const rows = await tx.insert(guardians).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into guardians returned no row');
  return inserted;
}

export async function updateGuardian(
  tx: Tx,
  id: string,
  fields: Partial<Pick<GuardianRecord, 'firstName' | 'lastName' | 'email' | 'phone' | 'address'>>,
): Promise<GuardianRecord | null> {
  const rows = await tx
    .update(guardians)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(guardians.id, id))
    .returning();
  return rows[0] ?? null;
}

export async function countStudentsOfGuardian(tx: Tx, guardianId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(studentGuardians)
    .where(eq(studentGuardians.guardianId, guardianId));
  return rows[0]?.n ?? 0;
}

export async function deleteGuardian(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(guardians)
    .where(eq(guardians.id, id))
    .returning({ id: guardians.id });
  return rows.length === 1;
}
