import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, uniqueSlug } from '../../../test/factories.js';
import { HostClient, signInOperatorWithTotp, TEST_PASSWORD } from '../../../test/identity.js';
import { createTestApp, testRedisPrefix, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { createOperator } from '../operators/operators.service.js';

// Operators act through one node; every other node must enforce the change at once.

let t: TestDatabase;
let nodeA: TestApp;
let nodeB: TestApp;
let ops: HostClient;

beforeAll(async () => {
  t = await createTestDatabase();
  const prefix = testRedisPrefix();
  nodeA = await createTestApp(t.db, { redisPrefix: prefix });
  nodeB = await createTestApp(t.db, { redisPrefix: prefix });
  await createOperator(t.db, {
    email: 'two-nodes@schoolhouse.test',
    name: 'Ops',
    password: TEST_PASSWORD,
  });
  ops = new HostClient(nodeA.app, 'admin.localhost');
  await signInOperatorWithTotp(ops, t.owner, 'two-nodes@schoolhouse.test');
});
afterAll(async () => {
  await nodeA.close();
  await nodeB.close();
  await t.close();
});

async function statusOnB(slug: string): Promise<number> {
  return (await nodeB.app.inject({ url: '/api/school', headers: { host: `${slug}.localhost` } }))
    .statusCode;
}

async function within(ms: number, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('lifecycle actions across nodes', () => {
  it('suspends, reactivates, archives and renames on every node within a second', async () => {
    const school = await createSchool(t.db);
    expect(await statusOnB(school.slug)).toBe(200);
    const act = (action: string, body: Record<string, unknown> = {}) =>
      ops.post(`/api/schools/${school.id}/${action}`, { reason: 'Two-node check', ...body });

    await act('suspend');
    await within(1_000, async () => (await statusOnB(school.slug)) === 423);
    await act('reactivate');
    await within(1_000, async () => (await statusOnB(school.slug)) === 200);
    await act('maintenance', { enabled: true });
    await within(1_000, async () => (await statusOnB(school.slug)) === 503);
    await act('maintenance', { enabled: false });
    const slug = uniqueSlug('moved');
    await act('rename', { slug });
    await within(1_000, async () => (await statusOnB(school.slug)) === 404);
    expect(await statusOnB(slug)).toBe(200);
    await act('archive');
    await within(1_000, async () => (await statusOnB(slug)) === 404);
  });
});
