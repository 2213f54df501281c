import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, uniqueSlug } from '../../../test/factories.js';
import { createTestApp, testRedisPrefix, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import {
  updateSchoolFields,
  updateSchoolStatus,
} from '../../modules/schools/schools.repository.js';

// Two application nodes sharing one database and one Redis, as in a multi-node deployment.

let t: TestDatabase;
let nodeA: TestApp;
let nodeB: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  const prefix = testRedisPrefix();
  nodeA = await createTestApp(t.db, { redisPrefix: prefix });
  nodeB = await createTestApp(t.db, { redisPrefix: prefix });
});
afterAll(async () => {
  await nodeA.close();
  await nodeB.close();
  await t.close();
});

const status = async (node: TestApp, host: string) =>
  (await node.app.inject({ url: '/api/school', headers: { host } })).statusCode;

async function eventually(check: () => Promise<boolean>, withinMs = 1_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`condition not met within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('cache invalidation across nodes through Redis', () => {
  it('enforces a suspension made through one node on the other within a second', async () => {
    const school = await createSchool(t.db);
    const host = `${school.slug}.localhost`;
    expect(await status(nodeA, host)).toBe(200);
    expect(await status(nodeB, host)).toBe(200);

    await t.db.withPlatform((tx) => updateSchoolStatus(tx, school.id, 'suspended'));
    await nodeA.app.services.directory.invalidate({ slugs: [school.slug] });

    expect(await status(nodeA, host)).toBe(423);
    await eventually(async () => (await status(nodeB, host)) === 423);
  });

  it('stops resolving an old slug on every node after a rename', async () => {
    const school = await createSchool(t.db);
    const oldHost = `${school.slug}.localhost`;
    expect(await status(nodeB, oldHost)).toBe(200);
    const renamed = uniqueSlug('moved');
    await t.db.withPlatform((tx) => updateSchoolFields(tx, school.id, { slug: renamed }));
    await nodeA.app.services.directory.invalidate({ slugs: [school.slug, renamed] });
    await eventually(async () => (await status(nodeB, oldHost)) === 404);
    expect(await status(nodeB, `${renamed}.localhost`)).toBe(200);
  });

  it('clears a remembered miss on every node when the school appears', async () => {
    const slug = uniqueSlug('fresh');
    expect(await status(nodeB, `${slug}.localhost`)).toBe(404);
    await createSchool(t.db, { slug });
    await nodeA.app.services.directory.invalidate({ slugs: [slug] });
    await eventually(async () => (await status(nodeB, `${slug}.localhost`)) === 200);
  });

  it('serves a school from the shared Redis entry when another node loaded it', async () => {
    const school = await createSchool(t.db);
    expect(await status(nodeA, `${school.slug}.localhost`)).toBe(200);
    const counter = nodeB.app.services.metrics.tenantLookups;
    const l2Before =
      (await counter.get()).values.find((v) => v.labels.result === 'l2_hit')?.value ?? 0;
    await eventually(async () => {
      const cached = await nodeA.redis?.command.get(`p:school:slug:${school.slug}`);
      return Boolean(cached);
    });
    expect(await status(nodeB, `${school.slug}.localhost`)).toBe(200);
    const l2After =
      (await counter.get()).values.find((v) => v.labels.result === 'l2_hit')?.value ?? 0;
    expect(l2After - l2Before).toBe(1);
  });
});
