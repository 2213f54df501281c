import { LRUCache } from 'lru-cache';

/**
 * Counts 404 answers per client address in fixed one-minute windows, so scanning for
 * schools or endpoints is slowed down. Bounded: the oldest addresses are forgotten first.
 */
export class NotFoundLimiter {
  private readonly windows = new LRUCache<string, { start: number; count: number }>({
    max: 50_000,
  });

  constructor(private readonly perMinute: number) {}

  /** Returns seconds to wait when the address is over its allowance, else 0. */
  hit(address: string, now = Date.now()): number {
    const window = this.windows.get(address);
    if (!window || now - window.start >= 60_000) {
      this.windows.set(address, { start: now, count: 1 });
      return 0;
    }
    window.count++;
    if (window.count <= this.perMinute) return 0;
    return Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000));
  }
}
