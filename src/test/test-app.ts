import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import { createRedisClients, type RedisClients } from '../server/platform/cache/redis.js';
import type { Database } from '../server/platform/db/database.js';
import type { DomainResolver } from '../server/modules/domains/dns-resolver.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    ROOT_DOMAINS: 'localhost,schoolhouse.test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATA_DIR: '.tmp/unused',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  redis: RedisClients | null;
  close(): Promise<void>;
}

/** A unique Redis namespace per test file, so parallel files never share cache entries. */
export function testRedisPrefix(): string {
  return `test-${randomBytes(4).toString('hex')}:`;
}

export async function createTestApp(
  db: Database,
  options: {
    config?: Config;
    redisPrefix?: string;
    withRedis?: boolean;
    /** Adds test-only routes before the app is sealed. */
    beforeReady?: (app: FastifyInstance) => void;
    /** DNS for custom-domain verification (a FakeResolver in tests). */
    domainResolver?: DomainResolver;
  } = {},
): Promise<TestApp> {
  const config = options.config ?? testConfig();
  const redisUrl = process.env.REDIS_URL;
  const redis =
    redisUrl && options.withRedis !== false
      ? createRedisClients(redisUrl, options.redisPrefix ?? testRedisPrefix(), () => undefined)
      : null;
  const app = await buildApp({
    config,
    db,
    redis,
    logger: false,
    domainResolver: options.domainResolver,
  });
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    redis,
    async close() {
      await app.close();
      await redis?.close();
    },
  };
}
