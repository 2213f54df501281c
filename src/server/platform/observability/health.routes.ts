import type { FastifyInstance } from 'fastify';
import type { RedisClients } from '../cache/redis.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Metrics } from './metrics.js';

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { db: Database; redis: RedisClients | null; metrics: Metrics; metricsToken: string | null },
): void {
  app.get('/healthz', { config: { access: 'public' }, logLevel: 'warn' }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { config: { access: 'public' }, logLevel: 'warn' },
    async (_request, reply) => {
      const checks: Record<string, 'ok' | string> = {};
      try {
        await withTimeout(deps.db.ping(), 1_500);
        checks.database = 'ok';
      } catch (error) {
        checks.database = (error as Error).message;
      }
      if (deps.redis) {
        try {
          await withTimeout(deps.redis.command.ping(), 1_000);
          checks.redis = 'ok';
        } catch (error) {
          checks.redis = (error as Error).message;
        }
      }
      const ready = Object.values(checks).every((v) => v === 'ok');
      reply.status(ready ? 200 : 503);
      return { status: ready ? 'ready' : 'unready', checks };
    },
  );

  app.get(
    '/metrics',
    { config: { access: 'public' }, logLevel: 'warn' },
    async (request, reply) => {
      if (deps.metricsToken && request.headers.authorization !== `Bearer ${deps.metricsToken}`) {
        throw new AppError('UNAUTHENTICATED', 'A metrics token is required.');
      }
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
