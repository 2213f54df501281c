// Used only by bench/lib/vitest.pooled.config.ts (fault drill 5): the test harness's database,
// with the application's pool moved behind PgBouncer. Creating the file's database from the
// template, and the owner access the tests use for set-up and catalog checks, stay direct to
// PostgreSQL (TEST_DATABASE_URL), the way a deployment runs migrations and admin tools on a
// direct connection. The app's own connections (`db`, `url`, `outsideQuery`) log in through
// BENCH_POOLED_APP_URL as a role that owns nothing.
import pg from 'pg';
import { connectPostgres } from '../../src/server/platform/db/database.js';
import {
  createTestDatabase as createDirectTestDatabase,
  usingPostgres,
  type TestDatabase,
} from '../../src/test/test-database.js';

export { usingPostgres };
export type { OwnerAccess, TestDatabase } from '../../src/test/test-database.js';

function pooledUrl(directUrl: string): string | null {
  const base = process.env.BENCH_POOLED_APP_URL;
  if (!base) return null;
  const url = new URL(base);
  url.pathname = new URL(directUrl).pathname;
  return url.toString();
}

export async function createTestDatabase(
  options: { poolMax?: number } = {},
): Promise<TestDatabase> {
  const direct = await createDirectTestDatabase(options);
  const url = direct.url ? pooledUrl(direct.url) : null;
  if (!url) return direct;
  // A transaction-mode PgBouncer keeps no server connection per client: no named statements.
  const db = connectPostgres({
    url,
    poolMax: options.poolMax ?? 5,
    statementTimeoutMs: 10_000,
    preparedStatements: false,
  });
  return {
    ...direct,
    db,
    url,
    async outsideQuery(text: string) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('set role app_runtime');
        return await client.query(text);
      } finally {
        await client.end();
      }
    },
    async close() {
      await db.close();
      await direct.close();
    },
  };
}
