import type { RedisClients } from '../cache/redis.js';
import { cacheKeys } from '../cache/cache-keys.js';

// Each school's API traffic is limited per minute by its plan. Counting happens in memory on
// the request path; with Redis, every node adds its counts to a shared per-minute counter
// several times a second and reads the school-wide total back, so the limit holds across nodes
// within a fraction of a second without a Redis round trip per request.

interface Window {
  minute: number;
  local: number;
  unsynced: number;
  elsewhere: number;
}

const SYNC_EVERY_MS = 250;

export class SchoolRateLimiter {
  private readonly windows = new Map<string, Window>();
  private timer: NodeJS.Timeout | null = null;
  private syncing = false;

  constructor(private readonly redis: RedisClients | null) {}

  /** Counts one request; returns seconds to wait when the school is over its limit, else 0. */
  hit(schoolId: string, limitPerMinute: number, now = Date.now()): number {
    const minute = Math.floor(now / 60_000);
    let window = this.windows.get(schoolId);
    if (!window || window.minute !== minute) {
      window = { minute, local: 0, unsynced: 0, elsewhere: 0 };
      this.windows.set(schoolId, window);
    }
    if (window.local + window.elsewhere >= limitPerMinute) {
      return Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
    }
    window.local++;
    window.unsynced++;
    return 0;
  }

  start(): void {
    if (!this.redis || this.timer) return;
    this.timer = setInterval(() => void this.sync(), SYNC_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async sync(now = Date.now()): Promise<void> {
    const redis = this.redis;
    if (!redis || this.syncing) return;
    this.syncing = true;
    try {
      const minute = Math.floor(now / 60_000);
      const batch = redis.command.multi();
      const order: [string, Window, number][] = [];
      for (const [schoolId, window] of this.windows) {
        if (window.minute < minute) {
          this.windows.delete(schoolId);
          continue;
        }
        const key = cacheKeys.tenant(schoolId, 'rl', String(window.minute));
        const delta = window.unsynced;
        window.unsynced = 0;
        batch.incrby(key, delta).expire(key, 120);
        order.push([schoolId, window, delta]);
      }
      if (order.length === 0) return;
      try {
        const results = await batch.exec();
        order.forEach(([, window], i) => {
          const total = Number(results?.[i * 2]?.[1] ?? window.local);
          window.elsewhere = Math.max(0, total - window.local);
        });
      } catch {
        // Redis is away: keep counting locally and resend the deltas later.
        for (const [, window, delta] of order) window.unsynced += delta;
      }
    } finally {
      this.syncing = false;
    }
  }
}
