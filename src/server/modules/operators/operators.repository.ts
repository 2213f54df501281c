import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import {
  impersonationGrants,
  operatorSessions,
  operators,
  platformAuditEvents,
} from './operators.table.js';

export type OperatorRow = typeof operators.$inferSelect;

export async function findOperatorByEmail(tx: Tx, email: string): Promise<OperatorRow | null> {
  const rows = await tx.select().from(operators).where(eq(operators.email, email)).limit(1);
  return rows[0] ?? null;
}

export async function findOperatorById(tx: Tx, id: string): Promise<OperatorRow | null> {
  const rows = await tx.select().from(operators).where(eq(operators.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertOperator(
  tx: Tx,
  row: typeof operators.$inferInsert,
): Promise<OperatorRow> {
  const rows = await tx
    .insert(operators)
    .values(row)
    .onConflictDoUpdate({
      target: operators.email,
      set: {
        name: row.name,
        passwordHash: row.passwordHash,
        status: 'active',
        totpSecret: row.totpSecret ?? null,
        totpPendingSecret: null,
      },
    })
    .returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into operators returned no row');
  return inserted;
}

export async function markOperatorSignedIn(tx: Tx, id: string): Promise<void> {
  await tx
    .update(operators)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(operators.id, id));
}

export interface OperatorSessionRow {
  id: string;
  operatorId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  email: string;
  name: string;
  status: string;
}

export async function insertOperatorSession(
  tx: Tx,
  row: typeof operatorSessions.$inferInsert,
): Promise<void> {
  await tx.insert(operatorSessions).values(row);
}

export async function findOperatorSession(
  tx: Tx,
  tokenHash: string,
): Promise<OperatorSessionRow | null> {
  const rows = await tx
    .select({
      id: operatorSessions.id,
      operatorId: operatorSessions.operatorId,
      expiresAt: operatorSessions.expiresAt,
      lastSeenAt: operatorSessions.lastSeenAt,
      email: operators.email,
      name: operators.name,
      status: operators.status,
    })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(eq(operatorSessions.tokenHash, tokenHash))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchOperatorSession(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(operatorSessions).set({ lastSeenAt: at }).where(eq(operatorSessions.id, id));
}

export async function deleteOperatorSessions(
  tx: Tx,
  filter: { sessionId?: string; operatorId?: string },
): Promise<string[]> {
  const condition = filter.sessionId
    ? eq(operatorSessions.id, filter.sessionId)
    : filter.operatorId
      ? eq(operatorSessions.operatorId, filter.operatorId)
      : undefined;
  if (!condition) throw new Error('deleteOperatorSessions needs a filter');
  const rows = await tx
    .delete(operatorSessions)
    .where(condition)
    .returning({ tokenHash: operatorSessions.tokenHash });
  return rows.map((r) => r.tokenHash);
}

export async function deleteExpiredOperatorSessions(
  tx: Tx,
  now: Date,
  idleMs: number,
): Promise<void> {
  await tx
    .delete(operatorSessions)
    .where(
      or(
        lt(operatorSessions.expiresAt, now),
        lt(operatorSessions.lastSeenAt, new Date(now.getTime() - idleMs)),
      ),
    );
}

export async function insertImpersonationGrant(
  tx: Tx,
  row: typeof impersonationGrants.$inferInsert,
): Promise<void> {
  await tx.insert(impersonationGrants).values(row);
}

/** Marks a live, unused grant as used and returns it; null when absent, used or expired. */
export async function consumeImpersonationGrant(
  tx: Tx,
  tokenHash: string,
  schoolId: string,
  now: Date,
): Promise<(typeof impersonationGrants.$inferSelect & { operatorEmail: string }) | null> {
  const rows = await tx
    .update(impersonationGrants)
    .set({ usedAt: now })
    .where(
      and(
        eq(impersonationGrants.tokenHash, tokenHash),
        eq(impersonationGrants.ownerSchoolId, schoolId),
        sql`${impersonationGrants.usedAt} is null`,
        sql`${impersonationGrants.expiresAt} > ${now}`,
      ),
    )
    .returning();
  const grant = rows[0];
  if (!grant) return null;
  const operator = await findOperatorById(tx, grant.operatorId);
  return { ...grant, operatorEmail: operator?.email ?? 'unknown' };
}

export type PlatformAuditInsert = typeof platformAuditEvents.$inferInsert;

export async function insertPlatformAudit(tx: Tx, row: PlatformAuditInsert): Promise<void> {
  await tx.insert(platformAuditEvents).values(row);
}

export async function listPlatformAudit(
  tx: Tx,
  options: { limit: number; before?: { at: Date; id: string }; schoolId?: string },
) {
  const conditions = [];
  if (options.before) {
    conditions.push(
      or(
        lt(platformAuditEvents.at, options.before.at),
        and(
          eq(platformAuditEvents.at, options.before.at),
          lt(platformAuditEvents.id, options.before.id),
        ),
      ),
    );
  }
  if (options.schoolId) conditions.push(eq(platformAuditEvents.targetSchoolId, options.schoolId));
  return tx
    .select()
    .from(platformAuditEvents)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(platformAuditEvents.at), desc(platformAuditEvents.id))
    .limit(options.limit + 1);
}
