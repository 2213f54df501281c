import { LRUCache } from 'lru-cache';
import {
  deleteOperatorSessions,
  findOperatorSession,
  insertOperatorSession,
  touchOperatorSession,
  type OperatorSessionRow,
} from '../../modules/operators/operators.repository.js';
import type { InvalidationBus } from '../cache/invalidation-bus.js';
import type { Database, Tx } from '../db/database.js';
import { newId } from '../db/ids.js';
import { hashToken, newSecretToken } from './tokens.js';
import type { SessionTimes } from './session-store.js';

// Operator sessions live only on the platform host, in a platform table. Same rules as school
// sessions: hashed tokens, idle and absolute expiry, revocation published to every node.

const TOUCH_EVERY_MS = 30_000;

export class OperatorSessionStore {
  private readonly local = new LRUCache<string, OperatorSessionRow>({ max: 5_000, ttl: 30_000 });

  constructor(
    private readonly db: Database,
    private readonly bus: InvalidationBus,
    private readonly times: SessionTimes,
  ) {
    bus.onInvalidate((keys) => {
      for (const key of keys) this.local.delete(key);
    });
    bus.onReset(() => this.local.clear());
  }

  private key(tokenHash: string): string {
    return `p:opsession:${tokenHash}`;
  }

  async create(tx: Tx, operatorId: string, ip: string, userAgent: string | null): Promise<string> {
    const token = newSecretToken();
    const now = Date.now();
    await insertOperatorSession(tx, {
      id: newId(),
      tokenHash: hashToken(token),
      operatorId,
      expiresAt: new Date(now + this.times.maxMs),
      lastSeenAt: new Date(now),
      ip,
      userAgent: userAgent?.slice(0, 500) ?? null,
    });
    return token;
  }

  async find(token: string): Promise<OperatorSessionRow | null> {
    const tokenHash = hashToken(token);
    const key = this.key(tokenHash);
    const now = Date.now();
    let session = this.local.get(key);
    if (session && now - session.lastSeenAt.getTime() > this.times.idleMs) session = undefined;
    if (!session) {
      const row = await this.db.withPlatform((tx) => findOperatorSession(tx, tokenHash));
      if (!row) return null;
      session = row;
      this.local.set(key, session);
    }
    const live = session;
    if (live.expiresAt.getTime() <= now || now - live.lastSeenAt.getTime() > this.times.idleMs) {
      await this.revoke({ sessionId: live.id });
      return null;
    }
    if (live.status !== 'active') return null;
    if (now - live.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      live.lastSeenAt = new Date(now);
      await this.db.withPlatform((tx) => touchOperatorSession(tx, live.id, live.lastSeenAt));
    }
    return live;
  }

  async revoke(filter: { sessionId?: string; operatorId?: string }): Promise<void> {
    const hashes = await this.db.withPlatform((tx) => deleteOperatorSessions(tx, filter));
    if (hashes.length > 0) await this.bus.publish(hashes.map((h) => this.key(h)));
  }
}
