import { LRUCache } from 'lru-cache';
import {
  resolveSchoolBySlug,
  resolveSchoolByVerifiedDomain,
  type ResolvedSchool,
} from '../../modules/schools/schools.repository.js';
import { cacheKeys } from '../cache/cache-keys.js';
import type { InvalidationBus } from '../cache/invalidation-bus.js';
import type { RedisClients } from '../cache/redis.js';
import type { Database } from '../db/database.js';
import { toTenantRecord, type TenantRecord } from './tenant-record.js';

export interface TenantDirectoryOptions {
  max: number;
  ttlMs?: number;
  missTtlMs?: number;
  redisTtlSeconds?: number;
  onLookup?: (result: 'hit' | 'miss_cached' | 'l2_hit' | 'db') => void;
}

type Loaded = TenantRecord | null;
type SchoolLoader = (db: Database) => Promise<ResolvedSchool | null>;

/**
 * Finds the school for a slug or a verified custom host: bounded LRU (60 s) → Redis (300 s)
 * → database, one load per key at a time. Absent schools are remembered for 10 s in a
 * separate bounded LRU so floods of random subdomains do not reach the database.
 */
export class TenantDirectory {
  private readonly found: LRUCache<string, TenantRecord>;
  private readonly missing: LRUCache<string, true>;
  private readonly inFlight = new Map<string, Promise<Loaded>>();
  private readonly redisTtlSeconds: number;
  // Bumped on every eviction, so a load that started before it never repopulates stale data.
  private epoch = 0;

  constructor(
    private readonly db: Database,
    private readonly redis: RedisClients | null,
    private readonly bus: InvalidationBus,
    private readonly options: TenantDirectoryOptions,
  ) {
    this.found = new LRUCache({ max: options.max, ttl: options.ttlMs ?? 60_000 });
    this.missing = new LRUCache({ max: options.max, ttl: options.missTtlMs ?? 10_000 });
    this.redisTtlSeconds = options.redisTtlSeconds ?? 300;
    bus.onInvalidate((keys) => this.evictLocal(keys));
    bus.onReset(() => this.clearLocal());
  }

  bySlug(slug: string): Promise<Loaded> | Loaded {
    return this.lookup(cacheKeys.schoolBySlug(slug), (db) =>
      db.withPlatform((tx) => resolveSchoolBySlug(tx, slug)),
    );
  }

  byCustomHost(host: string): Promise<Loaded> | Loaded {
    return this.lookup(cacheKeys.schoolByHost(host), (db) =>
      db.withPlatform((tx) => resolveSchoolByVerifiedDomain(tx, host)),
    );
  }

  /** Forgets the given schools' entries on every node (rename, status, plan, domain, delete). */
  async invalidate(change: { slugs?: string[]; hosts?: string[] }): Promise<void> {
    const keys = [
      ...(change.slugs ?? []).map(cacheKeys.schoolBySlug),
      ...(change.hosts ?? []).map(cacheKeys.schoolByHost),
    ];
    await this.bus.publish(keys);
  }

  stats(): { size: number; missing: number } {
    return { size: this.found.size, missing: this.missing.size };
  }

  private evictLocal(keys: string[]): void {
    this.epoch++;
    for (const key of keys) {
      this.found.delete(key);
      this.missing.delete(key);
    }
  }

  private clearLocal(): void {
    this.epoch++;
    this.found.clear();
    this.missing.clear();
  }

  // Returns synchronously on a warm hit so the hot path allocates no promise.
  private lookup(key: string, load: SchoolLoader): Promise<Loaded> | Loaded {
    const hit = this.found.get(key);
    if (hit) {
      this.options.onLookup?.('hit');
      return hit;
    }
    if (this.missing.has(key)) {
      this.options.onLookup?.('miss_cached');
      return null;
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const startedEpoch = this.epoch;
    const promise = this.loadThrough(key, load)
      .then(({ record, fromDatabase }) => {
        if (this.epoch === startedEpoch) {
          if (record) this.found.set(key, record);
          else this.missing.set(key, true);
          if (record && fromDatabase && this.redis) {
            this.redis.command
              .set(key, JSON.stringify(record), 'EX', this.redisTtlSeconds)
              .catch(() => undefined);
          }
        }
        return record;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async loadThrough(
    key: string,
    load: SchoolLoader,
  ): Promise<{ record: Loaded; fromDatabase: boolean }> {
    if (this.redis) {
      try {
        const cached = await this.redis.command.get(key);
        if (cached) {
          this.options.onLookup?.('l2_hit');
          return { record: JSON.parse(cached) as TenantRecord, fromDatabase: false };
        }
      } catch {
        // Redis unavailable: fall through to the database.
      }
    }
    this.options.onLookup?.('db');
    const row = await load(this.db);
    return { record: row ? toTenantRecord(row) : null, fromDatabase: true };
  }
}
