import { LRUCache } from 'lru-cache';
import type { RedisClients } from './redis.js';

/** Fixed-window counters shared by all nodes through Redis, or per node without it. */
export interface CounterStore {
  /** Adds one; returns the count in the window and the milliseconds left in it. */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Milliseconds left on a marker, or 0 when absent. */
  remaining(key: string): Promise<number>;
  mark(key: string, ttlMs: number): Promise<void>;
  clear(...keys: string[]): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly entries = new LRUCache<string, { count: number; expiresAt: number }>({
    max: 100_000,
  });

  async increment(key: string, windowMs: number) {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      this.entries.set(key, { count: 1, expiresAt: now + windowMs });
      return { count: 1, resetInMs: windowMs };
    }
    entry.count++;
    return { count: entry.count, resetInMs: entry.expiresAt - now };
  }

  async remaining(key: string) {
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.expiresAt - Date.now()) : 0;
  }

  async mark(key: string, ttlMs: number) {
    this.entries.set(key, { count: 1, expiresAt: Date.now() + ttlMs });
  }

  async clear(...keys: string[]) {
    for (const key of keys) this.entries.delete(key);
  }
}

/** Redis-backed, falling back to this node's memory while Redis is away. */
export class RedisCounterStore implements CounterStore {
  private readonly fallback = new MemoryCounterStore();

  constructor(private readonly redis: RedisClients) {}

  async increment(key: string, windowMs: number) {
    try {
      const result = await this.redis.command
        .multi()
        .incr(key)
        .pexpire(key, windowMs, 'NX')
        .pttl(key)
        .exec();
      const count = Number(result?.[0]?.[1] ?? 1);
      const ttl = Number(result?.[2]?.[1] ?? windowMs);
      return { count, resetInMs: ttl > 0 ? ttl : windowMs };
    } catch {
      return this.fallback.increment(key, windowMs);
    }
  }

  async remaining(key: string) {
    try {
      const ttl = await this.redis.command.pttl(key);
      return ttl > 0 ? ttl : 0;
    } catch {
      return this.fallback.remaining(key);
    }
  }

  async mark(key: string, ttlMs: number) {
    try {
      await this.redis.command.set(key, '1', 'PX', ttlMs);
    } catch {
      await this.fallback.mark(key, ttlMs);
    }
  }

  async clear(...keys: string[]) {
    await this.fallback.clear(...keys);
    if (keys.length === 0) return;
    try {
      await this.redis.command.del(...keys);
    } catch {
      // Counters expire on their own.
    }
  }
}
