import { defineConfig } from 'vitest/config';

// Files named *.postgres.test.ts exercise what only a real server has (a connection pool) and
// *.redis.test.ts what needs a shared Redis (several nodes); they run in the suite's
// PostgreSQL + Redis pass, so the embedded pass reports no skipped tests.
const excluded = ['**/node_modules/**'];
if (!process.env.TEST_DATABASE_URL) excluded.push('**/*.postgres.test.ts');
if (!process.env.REDIS_URL) excluded.push('**/*.redis.test.ts');

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: excluded,
    globalSetup: ['src/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
