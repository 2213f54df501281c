import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/database.js';

export interface Metrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
  tenantLookups: Counter<'result'>;
}

export function createMetrics(db: Database): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const tenantLookups = new Counter({
    name: 'tenant_cache_lookups_total',
    help: 'Tenant lookups by outcome: hit, miss_cached (known absent), l2_hit (Redis), db',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const poolGauge = (
    name: string,
    help: string,
    pick: (s: ReturnType<Database['poolStats']>) => number,
  ) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(db.poolStats()));
      },
    });
  poolGauge('db_pool_connections_total', 'Open database connections', (s) => s.total);
  poolGauge('db_pool_connections_idle', 'Idle database connections', (s) => s.idle);
  poolGauge('db_pool_waiting_requests', 'Callers waiting for a connection', (s) => s.waiting);
  return { registry, requestDuration, tenantLookups };
}
