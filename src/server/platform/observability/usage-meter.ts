import type { FastifyBaseLogger } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import {
  addActiveUsers,
  addUsage,
  refreshSchoolFigures,
  type UsageDelta,
} from '../../modules/schools/usage.repository.js';
import type { Database } from '../db/database.js';

// Per-school traffic, counted in memory on the request path (no database write per request)
// and added to hourly rows every flush. The console and /metrics read from these.

export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];
const TOP_TENANTS_IN_METRICS = 20;

interface Bucket {
  requests: number;
  errors: number;
  latency: number[];
  lastSeenAt: number;
}

function hourStart(ms: number): number {
  return ms - (ms % 3_600_000);
}

export function latencyBucketIndex(ms: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

/** The p95 of a histogram, as the upper bound of the bucket it falls in. */
export function p95FromBuckets(buckets: number[]): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i] ?? 0;
    if (seen >= total * 0.95) return LATENCY_BOUNDS_MS[i] ?? (LATENCY_BOUNDS_MS.at(-1) ?? 0) * 2;
  }
  return null;
}

export class UsageMeter {
  private pending = new Map<string, Bucket>();
  private actors = new Set<string>();
  private readonly totals = new Map<string, { slug: string; requests: number; errors: number }>();
  private flushTimer: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private firstRefresh: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
    registry: Registry,
  ) {
    const totals = this.totals;
    const top = () => [...totals.entries()].sort((a, b) => b[1].requests - a[1].requests);
    new Gauge({
      name: 'schoolhouse_tenant_requests',
      help: `Requests per school since start (top ${TOP_TENANTS_IN_METRICS} by traffic, the rest as "other")`,
      labelNames: ['tenant'] as const,
      registers: [registry],
      collect() {
        this.reset();
        let other = 0;
        top().forEach(([, t], i) => {
          if (i < TOP_TENANTS_IN_METRICS) this.set({ tenant: t.slug }, t.requests);
          else other += t.requests;
        });
        if (other > 0) this.set({ tenant: 'other' }, other);
      },
    });
    new Gauge({
      name: 'schoolhouse_tenant_errors',
      help: `Server errors per school since start (top ${TOP_TENANTS_IN_METRICS} by traffic, the rest as "other")`,
      labelNames: ['tenant'] as const,
      registers: [registry],
      collect() {
        this.reset();
        let other = 0;
        top().forEach(([, t], i) => {
          if (i < TOP_TENANTS_IN_METRICS) this.set({ tenant: t.slug }, t.errors);
          else other += t.errors;
        });
        if (other > 0) this.set({ tenant: 'other' }, other);
      },
    });
  }

  record(
    schoolId: string,
    slug: string,
    status: number,
    elapsedMs: number,
    actorKey: string | null,
    now = Date.now(),
  ): void {
    const key = `${schoolId}|${hourStart(now)}`;
    let bucket = this.pending.get(key);
    if (!bucket) {
      bucket = {
        requests: 0,
        errors: 0,
        latency: new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0),
        lastSeenAt: now,
      };
      this.pending.set(key, bucket);
    }
    bucket.requests++;
    if (status >= 500) bucket.errors++;
    const index = latencyBucketIndex(elapsedMs);
    bucket.latency[index] = (bucket.latency[index] ?? 0) + 1;
    bucket.lastSeenAt = now;
    if (actorKey)
      this.actors.add(`${schoolId}|${new Date(now).toISOString().slice(0, 10)}|${actorKey}`);
    const total = this.totals.get(schoolId) ?? { slug, requests: 0, errors: 0 };
    total.requests++;
    if (status >= 500) total.errors++;
    this.totals.set(schoolId, total);
  }

  start(flushMs = 60_000, refreshMs = 15 * 60_000): void {
    this.flushTimer = setInterval(() => void this.flush(), flushMs);
    this.flushTimer.unref();
    this.refreshTimer = setInterval(() => void this.refreshFigures(), refreshMs);
    this.refreshTimer.unref();
    // Fresh figures a minute after start rather than only after the first interval (the
    // figures kept in the schools table serve until then), once start-up traffic has settled.
    this.firstRefresh = setTimeout(() => void this.refreshFigures(), 60_000);
    this.firstRefresh.unref();
  }

  async stop(): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    if (this.firstRefresh) clearTimeout(this.firstRefresh);
    await this.flush();
  }

  /** Writes what was counted since the last flush; counts survive a failed write for the next one. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const pending = this.pending;
    const actors = this.actors;
    if (pending.size === 0 && actors.size === 0) return;
    this.pending = new Map();
    this.actors = new Set();
    const deltas: UsageDelta[] = [...pending.entries()].map(([key, b]) => {
      const [schoolId = '', start = '0'] = key.split('|');
      return {
        schoolId,
        bucketStart: new Date(Number(start)),
        requests: b.requests,
        errors: b.errors,
        latencyBuckets: b.latency,
        lastSeenAt: new Date(b.lastSeenAt),
      };
    });
    const active = [...actors].map((k) => {
      const [schoolId = '', day = '', actorKey = ''] = k.split('|');
      return { schoolId, day, actorKey };
    });
    this.flushing = this.db
      .withPlatform(async (tx) => {
        await addUsage(tx, deltas);
        await addActiveUsers(tx, active);
      })
      .catch((error: unknown) => {
        this.log.warn({ err: error }, 'usage flush failed; keeping the counts for the next one');
        for (const [key, b] of pending) {
          const current = this.pending.get(key);
          if (!current) this.pending.set(key, b);
          else {
            current.requests += b.requests;
            current.errors += b.errors;
            current.latency = current.latency.map((v, i) => v + (b.latency[i] ?? 0));
          }
        }
        for (const a of actors) this.actors.add(a);
      })
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  async refreshFigures(): Promise<void> {
    try {
      await this.db.withPlatform((tx) => refreshSchoolFigures(tx));
    } catch (error) {
      this.log.warn({ err: error }, 'refreshing school figures failed');
    }
  }
}
