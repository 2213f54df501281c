import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { customRoles, sessions, userCustomRoles, users } from '../users/users.table.js';

export interface SessionRow {
  id: string;
  userId: string | null;
  impersonatedBy: string | null;
  impersonatorEmail: string | null;
  readOnly: boolean;
  expiresAt: Date;
  lastSeenAt: Date;
  user: {
    email: string;
    name: string;
    status: string;
    roles: string[];
    locale: string | null;
    linkedStaffId: string | null;
    linkedStudentId: string | null;
    linkedGuardianId: string | null;
  } | null;
  customRoles: { id: string; name: string; permissions: string[] }[];
}

export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

/** The session and everything authorisation needs about its user, in one round trip. */
export async function findSessionByTokenHash(
  tx: Tx,
  tokenHash: string,
): Promise<SessionRow | null> {
  const rows = await tx
    .select({
      id: sessions.id,
      userId: sessions.userId,
      impersonatedBy: sessions.impersonatedBy,
      impersonatorEmail: sessions.impersonatorEmail,
      readOnly: sessions.readOnly,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      email: users.email,
      name: users.name,
      status: users.status,
      roles: users.roles,
      locale: users.locale,
      linkedStaffId: users.linkedStaffId,
      linkedStudentId: users.linkedStudentId,
      linkedGuardianId: users.linkedGuardianId,
      customRoles: sql<{ id: string; name: string; permissions: string[] }[]>`coalesce((
        select json_agg(json_build_object('id', r.id, 'name', r.name, 'permissions', r.permissions) order by r.name)
          from ${userCustomRoles} ur
          join ${customRoles} r on r.school_id = ur.school_id and r.id = ur.role_id
         where ur.school_id = ${sessions.schoolId} and ur.user_id = ${sessions.userId}
      ), '[]'::json)`,
    })
    .from(sessions)
    .leftJoin(users, and(eq(users.schoolId, sessions.schoolId), eq(users.id, sessions.userId)))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    impersonatedBy: row.impersonatedBy,
    impersonatorEmail: row.impersonatorEmail,
    readOnly: row.readOnly,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
    user:
      row.email === null
        ? null
        : {
            email: row.email,
            name: row.name ?? '',
            status: row.status ?? 'disabled',
            roles: row.roles ?? [],
            locale: row.locale,
            linkedStaffId: row.linkedStaffId,
            linkedStudentId: row.linkedStudentId,
            linkedGuardianId: row.linkedGuardianId,
          },
    customRoles: row.customRoles,
  };
}

export async function touchSession(tx: Tx, sessionId: string, at: Date): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
}

/** Deletes sessions and returns their token hashes so caches can forget them. */
export async function deleteSessions(
  tx: Tx,
  filter: { sessionId?: string; userId?: string; exceptSessionId?: string },
): Promise<string[]> {
  const conditions = [];
  if (filter.sessionId) conditions.push(eq(sessions.id, filter.sessionId));
  if (filter.userId) conditions.push(eq(sessions.userId, filter.userId));
  if (conditions.length === 0) throw new Error('deleteSessions needs a filter');
  let where = and(...conditions);
  if (filter.exceptSessionId) where = and(where, sql`${sessions.id} <> ${filter.exceptSessionId}`);
  const rows = await tx.delete(sessions).where(where).returning({ tokenHash: sessions.tokenHash });
  return rows.map((r) => r.tokenHash);
}

export async function listSessionHashesForUsers(tx: Tx, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(inArray(sessions.userId, userIds));
  return rows.map((r) => r.tokenHash);
}

export async function deleteExpiredSessions(tx: Tx, now: Date, idleMs: number): Promise<number> {
  const idleBefore = new Date(now.getTime() - idleMs);
  const rows = await tx
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return rows.length;
}
