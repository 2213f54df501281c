import { LRUCache } from 'lru-cache';
import {
  deleteSessions,
  findSessionByTokenHash,
  insertSession,
  listSessionHashesForUsers,
  touchSession,
  type SessionRow,
} from '../../modules/auth/sessions.repository.js';
import { cacheKeys } from '../cache/cache-keys.js';
import type { InvalidationBus } from '../cache/invalidation-bus.js';
import type { RedisClients } from '../cache/redis.js';
import type { Database, Tx } from '../db/database.js';
import { newId } from '../db/ids.js';
import { hashToken, newSessionToken } from './tokens.js';

// School sessions: the cookie carries an opaque token, the database only its SHA-256. Lookups
// are cached per node (bounded LRU) and in Redis, keyed under the school (`t:{schoolId}:`),
// and every revocation is published so all nodes forget the session at once.

export interface CachedSession extends SessionRow {
  schoolId: string;
  tokenHash: string;
}

interface Serialised extends Omit<CachedSession, 'expiresAt' | 'lastSeenAt'> {
  expiresAt: number;
  lastSeenAt: number;
}

const TOUCH_EVERY_MS = 60_000;

export interface SessionTimes {
  idleMs: number;
  maxMs: number;
}

export interface NewSession {
  userId: string | null;
  impersonatedBy?: string | null;
  impersonatorEmail?: string | null;
  readOnly?: boolean;
  maxMs?: number;
  ip: string;
  userAgent: string | null;
}

export class SessionStore {
  private readonly local = new LRUCache<string, CachedSession>({ max: 50_000, ttl: 60_000 });

  constructor(
    private readonly db: Database,
    private readonly redis: RedisClients | null,
    private readonly bus: InvalidationBus,
    private readonly times: SessionTimes,
  ) {
    bus.onInvalidate((keys) => {
      for (const key of keys) this.local.delete(key);
    });
    bus.onReset(() => this.local.clear());
  }

  private key(schoolId: string, tokenHash: string): string {
    return cacheKeys.tenant(schoolId, 'session', tokenHash);
  }

  /** Creates a session inside the caller's transaction; returns the token for the cookie. */
  async create(
    tx: Tx,
    schoolId: string,
    session: NewSession,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken(schoolId);
    const now = Date.now();
    const expiresAt = new Date(now + Math.min(session.maxMs ?? this.times.maxMs, this.times.maxMs));
    await insertSession(tx, {
      schoolId,
      id: newId(),
      tokenHash: hashToken(token),
      userId: session.userId,
      impersonatedBy: session.impersonatedBy ?? null,
      impersonatorEmail: session.impersonatorEmail ?? null,
      readOnly: session.readOnly ?? false,
      expiresAt,
      lastSeenAt: new Date(now),
      ip: session.ip,
      userAgent: session.userAgent?.slice(0, 500) ?? null,
    });
    return { token, expiresAt };
  }

  /** The live session for a token on this school, or null (absent, expired, idle, disabled). */
  async find(schoolId: string, token: string): Promise<CachedSession | null> {
    const tokenHash = hashToken(token);
    const key = this.key(schoolId, tokenHash);
    let session = this.local.get(key) ?? (await this.fromRedis(key));
    const now = Date.now();
    // Another node may have kept it alive since this copy was cached: re-read before refusing.
    if (session && now - session.lastSeenAt.getTime() > this.times.idleMs) session = undefined;
    if (!session) {
      const row = await this.db.withTenant(schoolId, (tx) => findSessionByTokenHash(tx, tokenHash));
      if (!row) return null;
      session = { ...row, schoolId, tokenHash };
      await this.remember(key, session);
    }
    const live = session;
    if (live.expiresAt.getTime() <= now || now - live.lastSeenAt.getTime() > this.times.idleMs) {
      await this.revoke(schoolId, { sessionId: live.id });
      return null;
    }
    if (live.user && live.user.status !== 'active') return null;
    if (now - live.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      live.lastSeenAt = new Date(now);
      await this.db.withTenant(schoolId, (tx) => touchSession(tx, live.id, live.lastSeenAt));
      await this.remember(key, live);
    }
    return live;
  }

  /** Deletes sessions (one, or all of a user's, optionally keeping one) everywhere at once. */
  async revoke(
    schoolId: string,
    filter: { sessionId?: string; userId?: string; exceptSessionId?: string },
  ): Promise<void> {
    const hashes = await this.db.withTenant(schoolId, (tx) => deleteSessions(tx, filter));
    await this.forget(schoolId, hashes);
  }

  /**
   * Deletes sessions inside the caller's transaction. The caller passes the returned hashes to
   * `forget` after commit: published earlier, a node could re-cache a row not yet deleted.
   */
  revokeWithin(
    tx: Tx,
    filter: { sessionId?: string; userId?: string; exceptSessionId?: string },
  ): Promise<string[]> {
    return deleteSessions(tx, filter);
  }

  /** Forgets cached copies for these users (after a role, status or profile change). */
  async refreshUsers(schoolId: string, userIds: string[]): Promise<void> {
    const hashes = await this.db.withTenant(schoolId, (tx) =>
      listSessionHashesForUsers(tx, userIds),
    );
    await this.forget(schoolId, hashes);
  }

  async forget(schoolId: string, tokenHashes: string[]): Promise<void> {
    if (tokenHashes.length === 0) return;
    await this.bus.publish(tokenHashes.map((h) => this.key(schoolId, h)));
  }

  private async remember(key: string, session: CachedSession): Promise<void> {
    this.local.set(key, session);
    if (!this.redis) return;
    const serialised: Serialised = {
      ...session,
      expiresAt: session.expiresAt.getTime(),
      lastSeenAt: session.lastSeenAt.getTime(),
    };
    await this.redis.command.set(key, JSON.stringify(serialised), 'EX', 300).catch(() => undefined);
  }

  private async fromRedis(key: string): Promise<CachedSession | undefined> {
    if (!this.redis) return undefined;
    try {
      const raw = await this.redis.command.get(key);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as Serialised;
      const session: CachedSession = {
        ...parsed,
        expiresAt: new Date(parsed.expiresAt),
        lastSeenAt: new Date(parsed.lastSeenAt),
      };
      this.local.set(key, session);
      return session;
    } catch {
      return undefined;
    }
  }
}
