import { and, asc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import {
  customRoles,
  userCustomRoles,
  users,
  userTokens,
  type TokenPurpose,
} from './users.table.js';

export type UserRow = typeof users.$inferSelect;

export interface UserWithRoles extends UserRow {
  customRoleIds: string[];
}

const customRoleIdsSql = sql<string[]>`coalesce((
  select array_agg(ur.role_id order by ur.role_id) from ${userCustomRoles} ur
   where ur.school_id = ${users.schoolId} and ur.user_id = ${users.id}
), '{}'::uuid[])`;

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | null> {
  const rows = await tx.select().from(users).where(eq(users.email, email)).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(tx: Tx, id: string): Promise<UserWithRoles | null> {
  const rows = await tx
    .select({ user: users, customRoleIds: customRoleIdsSql })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.user, customRoleIds: row.customRoleIds } : null;
}

export async function insertUser(tx: Tx, row: typeof users.$inferInsert): Promise<UserRow> {
  const rows = await tx.insert(users).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into users returned no row');
  return inserted;
}

export async function updateUser(
  tx: Tx,
  id: string,
  fields: Partial<
    Pick<
      UserRow,
      'name' | 'roles' | 'status' | 'locale' | 'passwordHash' | 'passwordChangedAt' | 'lastLoginAt'
    >
  >,
): Promise<UserRow | null> {
  const rows = await tx
    .update(users)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return rows[0] ?? null;
}

export async function setUserCustomRoles(
  tx: Tx,
  schoolId: string,
  userId: string,
  roleIds: string[],
): Promise<void> {
  await tx.delete(userCustomRoles).where(eq(userCustomRoles.userId, userId));
  if (roleIds.length > 0) {
    await tx
      .insert(userCustomRoles)
      .values(roleIds.map((roleId) => ({ schoolId, userId, roleId })));
  }
}

export async function countUsers(tx: Tx): Promise<number> {
  const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}

export interface UserListFilter {
  limit: number;
  after?: { name: string; id: string };
  q?: string;
  role?: string;
  status?: string;
}

/** Keyset page ordered by (name, id); fetches one extra row to tell if there is more. */
export async function listUsers(tx: Tx, filter: UserListFilter): Promise<UserWithRoles[]> {
  const conditions: SQL[] = [];
  if (filter.after) {
    const after = or(
      gt(users.name, filter.after.name),
      and(eq(users.name, filter.after.name), gt(users.id, filter.after.id)),
    );
    if (after) conditions.push(after);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) conditions.push(match);
  }
  if (filter.role) conditions.push(sql`${filter.role} = any(${users.roles})`);
  if (filter.status) conditions.push(eq(users.status, filter.status as UserRow['status']));
  const rows = await tx
    .select({ user: users, customRoleIds: customRoleIdsSql })
    .from(users)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(users.name), asc(users.id))
    .limit(filter.limit + 1);
  return rows.map((r) => ({ ...r.user, customRoleIds: r.customRoleIds }));
}

export async function existingCustomRoleIds(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: customRoles.id })
    .from(customRoles)
    .where(inArray(customRoles.id, ids));
  return rows.map((r) => r.id);
}

export async function insertUserToken(tx: Tx, row: typeof userTokens.$inferInsert): Promise<void> {
  // A new link replaces any earlier unused one of the same kind.
  await tx
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(userTokens.userId, row.userId),
        eq(userTokens.purpose, row.purpose),
        isNull(userTokens.usedAt),
      ),
    );
  await tx.insert(userTokens).values(row);
}

/** A live, unused token of this purpose, with its user; null when absent, used or expired. */
export async function findLiveToken(
  tx: Tx,
  tokenHash: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<{ tokenId: string; user: UserRow } | null> {
  const rows = await tx
    .select({ tokenId: userTokens.id, user: users })
    .from(userTokens)
    .innerJoin(users, and(eq(users.schoolId, userTokens.schoolId), eq(users.id, userTokens.userId)))
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Marks a token used; false if another request used it first. */
export async function consumeToken(tx: Tx, tokenId: string): Promise<boolean> {
  const rows = await tx
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.id, tokenId), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return rows.length === 1;
}
