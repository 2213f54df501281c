import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { connectPostgres } from './database.js';
import { newId } from './ids.js';

// Runs only when the suite runs against PostgreSQL (TEST_DATABASE_URL): PGlite has one session.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe('pooled connections on PostgreSQL', () => {
  it("never carry one school's setting into the next transaction (pool of one)", async () => {
    const single = connectPostgres({ url: t.url ?? '', poolMax: 1, statementTimeoutMs: 5_000 });
    try {
      const a = await createSchool(t.db);
      const b = await createSchool(t.db);
      await t.db.withTenant(a.id, (tx) =>
        tx.execute(
          sql`insert into users (school_id, id, email, name) values (${a.id}, ${newId()}, 'pooled@example.test', 'P')`,
        ),
      );
      const inside = await single.withTenant(a.id, (tx) =>
        tx.execute<{ setting: string; role: string; n: number }>(
          sql`select current_setting('app.school_id', true) as setting, current_user as role,
                     (select count(*)::int from users) as n`,
        ),
      );
      expect(inside.rows[0]).toEqual({ setting: a.id, role: 'app_tenant', n: 1 });
      // The same (only) connection, next transaction: the school and role are gone.
      const after = await single.withPlatform((tx) =>
        tx.execute<{ setting: string | null; role: string }>(
          sql`select nullif(current_setting('app.school_id', true), '') as setting, current_user as role`,
        ),
      );
      expect(after.rows[0]).toEqual({ setting: null, role: 'app_platform' });
      const seenByB = await single.withTenant(b.id, (tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from users`),
      );
      expect(seenByB.rows[0]?.n).toBe(0);
      // A transaction that fails half-way leaves nothing behind either.
      await expect(
        single.withTenant(a.id, async (tx) => {
          await tx.execute(sql`select 1`);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const afterFailure = await single.withPlatform((tx) =>
        tx.execute<{ setting: string | null }>(
          sql`select nullif(current_setting('app.school_id', true), '') as setting`,
        ),
      );
      expect(afterFailure.rows[0]?.setting).toBeNull();
    } finally {
      await single.close();
    }
  });

  it('bounds every statement with the transaction-local timeout and rolls back a failed write', async () => {
    const single = connectPostgres({ url: t.url ?? '', poolMax: 1, statementTimeoutMs: 150 });
    try {
      const a = await createSchool(t.db);
      const started = Date.now();
      const slow = single.withTenant(a.id, (tx) => tx.execute(sql`select pg_sleep(2)`));
      await expect(slow).rejects.toMatchObject({ cause: { code: '57014' } });
      expect(Date.now() - started).toBeLessThan(1_500);
      // A write followed by a failing statement leaves nothing, and the connection is reusable.
      const email = `timeout-${newId().slice(-8)}@example.test`;
      await expect(
        single.withTenant(a.id, async (tx) => {
          await tx.execute(
            sql`insert into users (school_id, id, email, name) values (${a.id}, ${newId()}, ${email}, 'T')`,
          );
          await tx.execute(sql`select pg_sleep(2)`);
        }),
      ).rejects.toBeDefined();
      const left = await single.withTenant(a.id, (tx) =>
        tx.execute<{ n: number; role: string }>(
          sql`select (select count(*)::int from users where email = ${email}) as n, current_user as role`,
        ),
      );
      expect(left.rows[0]).toEqual({ n: 0, role: 'app_tenant' });
    } finally {
      await single.close();
    }
  });

  it('keeps every school to its own rows when statements are prepared and reused', async () => {
    const single = connectPostgres({ url: t.url ?? '', poolMax: 1, statementTimeoutMs: 5_000 });
    try {
      const a = await createSchool(t.db);
      const b = await createSchool(t.db);
      for (const [school, count] of [
        [a, 3],
        [b, 1],
      ] as const) {
        for (let i = 0; i < count; i++) {
          await t.db.withTenant(school.id, (tx) =>
            tx.execute(
              sql`insert into users (school_id, id, email, name) values (${school.id}, ${newId()}, ${`p${i}-${newId().slice(-8)}@example.test`}, 'P')`,
            ),
          );
        }
      }
      // The same text runs often enough on the one connection for PostgreSQL to switch to a
      // generic plan; every run must still see only the school of its own transaction.
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        const school = i % 3 === 0 ? b : a;
        const rows = await single.withTenant(school.id, (tx) =>
          tx.execute<{ school_id: string; n: number }>(
            sql`select school_id, count(*)::int as n from users group by school_id`,
          ),
        );
        expect(rows.rows).toEqual([{ school_id: school.id, n: school === a ? 3 : 1 }]);
        seen.push(school.id);
      }
      expect(new Set(seen).size).toBe(2);
      // The statement was prepared on the server, not sent for parsing each time.
      const prepared = await single.withTenant(a.id, (tx) =>
        tx.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_prepared_statements
                where starts_with(statement, 'select school_id, count(*)::int as n from users')`,
        ),
      );
      expect(prepared.rows[0]?.n).toBe(1);
    } finally {
      await single.close();
    }
  });
});
