import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from './ids.js';
import { findIsolationViolations, listTenantTables } from './isolation-invariants.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const ownerQuery = <T>(text: string, params?: unknown[]) => t.owner.query<T>(text, params);

async function insertUser(schoolId: string, email: string) {
  await t.db.withTenant(schoolId, (tx) =>
    tx.execute(
      sql`insert into users (school_id, id, email, name) values (${schoolId}, ${newId()}, ${email}, 'Someone')`,
    ),
  );
}

describe('isolation invariants in the catalog', () => {
  it('finds tenant tables in the real schema', async () => {
    const tables = await listTenantTables(ownerQuery);
    expect(tables).toEqual(expect.arrayContaining(['users', 'audit_events']));
  });

  it('reports no violation for any table of the real schema', async () => {
    expect(await findIsolationViolations(ownerQuery)).toEqual([]);
  });

  describe('with deliberately broken tables in a throwaway schema', () => {
    const schema = `broken_${Math.random().toString(36).slice(2, 8)}`;
    beforeAll(async () => {
      const statements = [
        `create schema ${schema}`,
        `create table ${schema}.parents (school_id uuid not null, id uuid not null, primary key (school_id, id))`,
        // Good twin: everything right, so the checker must stay silent about it.
        `alter table ${schema}.parents enable row level security`,
        `alter table ${schema}.parents force row level security`,
        `create policy p on ${schema}.parents using (school_id = nullif(current_setting('app.school_id', true), '')::uuid)`,
        // RLS enabled but not forced: the table owner would bypass it.
        `create table ${schema}.unforced (school_id uuid not null, id uuid not null, primary key (school_id, id))`,
        `alter table ${schema}.unforced enable row level security`,
        `create policy p on ${schema}.unforced using (school_id = nullif(current_setting('app.school_id', true), '')::uuid)`,
        // Nullable school_id, a key without it, a single-column FK into a tenant table, a loose policy, a platform grant.
        `create table ${schema}.codes (school_id uuid not null, code text not null, primary key (school_id, code), unique (code))`,
        `create table ${schema}.sloppy (school_id uuid, id uuid primary key, code text unique, parent_id uuid,
           code_ref text references ${schema}.codes (code),
           foreign key (parent_id, school_id) references ${schema}.parents (id, school_id))`,
        `create unique index sloppy_parent_idx on ${schema}.sloppy (parent_id)`,
        `alter table ${schema}.sloppy enable row level security`,
        `alter table ${schema}.sloppy force row level security`,
        `create policy p on ${schema}.sloppy for select using (true)`,
        `grant select on ${schema}.sloppy to app_platform`,
      ];
      // parents(id, school_id) needs a matching unique key for the FK above.
      statements.splice(2, 0, `alter table ${schema}.parents add unique (id, school_id)`);
      for (const statement of statements) await t.owner.query(statement);
    });
    afterAll(async () => {
      await t.owner.query(`drop schema ${schema} cascade`);
    });

    it('names the table whose row level security is not forced', async () => {
      const violations = await findIsolationViolations(ownerQuery, schema);
      expect(violations).toContainEqual({
        table: 'unforced',
        problem: 'row level security is not forced',
      });
    });

    it('names every rule the sloppy table breaks', async () => {
      const problems = (await findIsolationViolations(ownerQuery, schema))
        .filter((v) => v.table === 'sloppy')
        .map((v) => v.problem);
      expect(problems).toEqual(
        expect.arrayContaining([
          'school_id is nullable',
          'primary key sloppy_pkey does not include school_id',
          'unique constraint sloppy_code_key does not include school_id',
          'unique index sloppy_parent_idx does not include school_id',
          'foreign key sloppy_code_ref_fkey to tenant table codes is not composite on school_id',
          'no policy covers INSERT',
          'no policy covers UPDATE',
          'no policy covers DELETE',
          'SELECT policy USING is not the tenant predicate: true',
          'app_platform holds SELECT',
        ]),
      );
    });

    it('stays silent about a correct tenant table and a correct composite foreign key', async () => {
      const violations = await findIsolationViolations(ownerQuery, schema);
      expect(violations.filter((v) => v.table === 'parents')).toEqual([]);
      expect(violations.filter((v) => v.problem.includes('parents'))).toEqual([]);
    });
  });
});

describe('row level security at run time', () => {
  it('returns no rows to a tenant query when no school is set', async () => {
    const school = await createSchool(t.db);
    await insertUser(school.id, 'nobody-set@example.test');
    const asOwner = await t.owner.query<{ n: number }>('select count(*)::int as n from users');
    expect(asOwner[0]?.n).toBeGreaterThan(0);
    const asTenantWithoutSchool = await t.owner.transaction<{ n: number }>([
      'set local role app_tenant',
      'select count(*)::int as n from users',
    ]);
    expect(asTenantWithoutSchool[0]?.n).toBe(0);
  });

  it('refuses a query issued outside withTenant and withPlatform', async () => {
    await expect(t.outsideQuery('select * from users')).rejects.toThrow(/permission denied/);
    await expect(t.outsideQuery('select * from schools')).rejects.toThrow(/permission denied/);
  });

  it('shows a school only its own rows', async () => {
    const a = await createSchool(t.db);
    const b = await createSchool(t.db);
    await insertUser(a.id, 'a-only@example.test');
    await insertUser(b.id, 'b-only@example.test');
    const seenByB = await t.db.withTenant(b.id, (tx) =>
      tx.execute<{ email: string }>(sql`select email from users`),
    );
    expect(seenByB.rows.map((r) => r.email)).toEqual(['b-only@example.test']);
  });

  it('refuses to write a row for another school', async () => {
    const a = await createSchool(t.db);
    const b = await createSchool(t.db);
    await expect(
      t.db.withTenant(b.id, (tx) =>
        tx.execute(
          sql`insert into users (school_id, id, email, name) values (${a.id}, ${newId()}, 'x@example.test', 'X')`,
        ),
      ),
    ).rejects.toThrow();
    const onA = await t.db.withTenant(a.id, (tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from users`),
    );
    expect(onA.rows[0]?.n).toBe(0);
  });

  it("cannot move another school's row or update it", async () => {
    const a = await createSchool(t.db);
    const b = await createSchool(t.db);
    await insertUser(a.id, 'target@example.test');
    const updated = await t.db.withTenant(b.id, (tx) =>
      tx.execute(sql`update users set name = 'Hijacked' where email = 'target@example.test'`),
    );
    expect(updated.rowCount ?? (updated as unknown as { affectedRows: number }).affectedRows).toBe(
      0,
    );
    await expect(
      t.db.withTenant(a.id, (tx) =>
        tx.execute(sql`update users set school_id = ${b.id} where email = 'target@example.test'`),
      ),
    ).rejects.toThrow();
  });

  it('denies platform access to tenant tables', async () => {
    await expect(
      t.db.withPlatform((tx) => tx.execute(sql`select count(*) from users`)),
    ).rejects.toThrow();
  });

  it('denies tenant access to platform tables', async () => {
    const a = await createSchool(t.db);
    await expect(
      t.db.withTenant(a.id, (tx) => tx.execute(sql`select count(*) from schools`)),
    ).rejects.toThrow();
  });

  it('keeps audit events append-only for the application', async () => {
    const a = await createSchool(t.db);
    await t.db.withTenant(a.id, (tx) =>
      tx.execute(
        sql`insert into audit_events (school_id, id, action, entity_type) values (${a.id}, ${newId()}, 'test.created', 'test')`,
      ),
    );
    await expect(
      t.db.withTenant(a.id, (tx) => tx.execute(sql`update audit_events set action = 'changed'`)),
    ).rejects.toThrow();
    await expect(
      t.db.withTenant(a.id, (tx) => tx.execute(sql`delete from audit_events`)),
    ).rejects.toThrow();
    const rows = await t.db.withTenant(a.id, (tx) =>
      tx.execute<{ action: string }>(sql`select action from audit_events`),
    );
    expect(rows.rows.map((r) => r.action)).toEqual(['test.created']);
  });

  it('refuses a withTenant call without a valid school id', async () => {
    await expect(t.db.withTenant('', async () => 1)).rejects.toThrow(/school id/);
    await expect(t.db.withTenant("x' or true --", async () => 1)).rejects.toThrow(/school id/);
  });
});
