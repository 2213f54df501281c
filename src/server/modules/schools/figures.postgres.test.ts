import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { refreshSchoolFigures } from './usage.repository.js';

// Runs only on PostgreSQL (several connections): nodes refreshing the console's figures at
// the same moment do the work once.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe('school figures refresh', () => {
  it('runs on one node at a time; the others skip while it holds the lock', async () => {
    const outcome = await t.db.withPlatform(async (tx) => {
      const first = await refreshSchoolFigures(tx);
      // Another node (another connection) while this transaction still holds the lock.
      const second = await t.db.withPlatform((other) => refreshSchoolFigures(other));
      return { first, second };
    });
    expect(outcome).toEqual({ first: true, second: false });
    // Once the first has committed, the next refresh runs again.
    expect(await t.db.withPlatform((tx) => refreshSchoolFigures(tx))).toBe(true);
  });
});
