import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, uniqueSlug } from '../../../test/factories.js';
import { createTestApp, testConfig, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { customDomains } from '../../modules/schools/schools.table.js';
import {
  updateSchoolFields,
  updateSchoolStatus,
  type SchoolRow,
} from '../../modules/schools/schools.repository.js';
import { newId } from '../db/ids.js';

let t: TestDatabase;
let h: TestApp;
let greenwood: SchoolRow;
let oakridge: SchoolRow;
let suspended: SchoolRow;
let provisioning: SchoolRow;
let archived: SchoolRow;

const get = (host: string, url = '/api/school', headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url, headers: { host, accept: 'application/json', ...headers } });

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  greenwood = await createSchool(t.db, { name: 'Greenwood Test High' });
  oakridge = await createSchool(t.db, { name: 'Oakridge Test Academy' });
  suspended = await createSchool(t.db, { status: 'suspended', name: 'Suspended Test School' });
  provisioning = await createSchool(t.db, {
    status: 'provisioning',
    name: 'Provisioning Test School',
  });
  archived = await createSchool(t.db, { status: 'archived', name: 'Archived Test School' });
});
afterAll(async () => {
  await h.close();
  await t.close();
});

const everySchoolName = () =>
  [greenwood, oakridge, suspended, provisioning, archived].flatMap((s) => [s.name, s.id]);

describe('tenant resolution from the host', () => {
  it("returns the school's public profile on its own host", async () => {
    const res = await get(`${greenwood.slug}.localhost:3000`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: greenwood.id,
      slug: greenwood.slug,
      name: greenwood.name,
      locale: 'en',
      timezone: 'UTC',
      branding: { primaryColor: '#1f6feb', logoUrl: null },
    });
  });

  it('resolves the same school under every configured root, any case, port or trailing dot', async () => {
    for (const host of [
      `${greenwood.slug}.schoolhouse.test`,
      `${greenwood.slug.toUpperCase()}.LOCALHOST`,
      `${greenwood.slug}.localhost.`,
      `${greenwood.slug}.localhost:8080`,
    ]) {
      const res = await get(host);
      expect(res.statusCode, host).toBe(200);
      expect(res.json().id, host).toBe(greenwood.id);
    }
  });

  it('answers unknown, provisioning and archived schools with the same 404 body', async () => {
    const bodies = new Set<string>();
    for (const slug of [uniqueSlug('never'), provisioning.slug, archived.slug]) {
      const res = await get(`${slug}.localhost`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('SCHOOL_NOT_FOUND');
      bodies.add(res.body);
    }
    expect(bodies.size).toBe(1);
  });

  it('answers a suspended school with 423 TENANT_SUSPENDED', async () => {
    const res = await get(`${suspended.slug}.localhost`);
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('TENANT_SUSPENDED');
    expect(res.body).not.toContain(suspended.name);
  });

  it('treats a trial past its end as suspended and a running trial as open', async () => {
    const expired = await createSchool(t.db, {
      status: 'trial',
      trialEndsAt: new Date(Date.now() - 60_000),
    });
    const running = await createSchool(t.db, {
      status: 'trial',
      trialEndsAt: new Date(Date.now() + 86_400_000),
    });
    expect((await get(`${expired.slug}.localhost`)).statusCode).toBe(423);
    expect((await get(`${running.slug}.localhost`)).statusCode).toBe(200);
  });

  it('answers a school in maintenance with 503 and Retry-After', async () => {
    const school = await createSchool(t.db, { maintenance: true });
    const res = await get(`${school.slug}.localhost`);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('300');
    expect(res.json().error.code).toBe('MAINTENANCE');
  });

  it.each([
    ['a space', 'green wood.localhost'],
    ['a path smuggled into the host', 'greenwood.localhost/evil'],
    ['invalid characters', 'green_wood.localhost'],
    ['an empty label', 'a..localhost'],
    ['a label starting with a hyphen', '-abc.localhost'],
    ['a label longer than 63', `${'a'.repeat(64)}.localhost`],
    ['a host longer than 253', `${'abcdefghi.'.repeat(26)}localhost`],
    ['a bad port', 'greenwood.localhost:99999'],
  ])('refuses %s with 400 INVALID_HOST', async (_name, host) => {
    const res = await get(host);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'INVALID_HOST', message: 'The request host is not valid.' },
    });
  });

  it.each([
    ['a reserved name', 'api.localhost'],
    ['a name too short for a slug', 'ab.localhost'],
    ['a multi-label name', `www.${'greenwood'}.localhost`],
    ['a deeper multi-label name', 'a.b.schoolhouse.test'],
    ['an unverified custom domain', 'portal.example.org'],
  ])('answers %s with 404', async (_name, host) => {
    const res = await get(host);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('SCHOOL_NOT_FOUND');
  });

  it('never aliases a school under a second label', async () => {
    const res = await get(`${oakridge.slug}.${greenwood.slug}.localhost`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(greenwood.id);
    expect(res.body).not.toContain(oakridge.id);
  });

  it('serves only health, readiness and metrics on an IP literal', async () => {
    for (const host of ['127.0.0.1:3000', '[::1]:3000']) {
      expect((await get(host, '/healthz')).statusCode).toBe(200);
      expect((await get(host, '/api/school')).statusCode).toBe(404);
      expect((await get(host, '/', { accept: 'text/html' })).statusCode).toBe(404);
    }
  });

  it('does not serve school endpoints on the marketing or platform hosts', async () => {
    for (const host of ['localhost', 'www.localhost', 'admin.localhost', 'schoolhouse.test']) {
      const res = await get(host);
      expect(res.statusCode, host).toBe(404);
      expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('ignores headers that try to pick or spoof a school', async () => {
    const res = await get(`${uniqueSlug('ghost')}.localhost`, '/api/school', {
      'x-forwarded-host': `${greenwood.slug}.localhost`,
      forwarded: `host=${greenwood.slug}.localhost`,
      'x-subdomain': greenwood.slug,
      'x-tenant-id': greenwood.id,
      'x-tenant-slug': greenwood.slug,
      'x-school-id': greenwood.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(greenwood.slug);
    const onOak = await get(`${oakridge.slug}.localhost`, '/api/school', {
      'x-forwarded-host': `${greenwood.slug}.localhost`,
      'x-tenant-id': greenwood.id,
    });
    expect(onOak.json().id).toBe(oakridge.id);
  });

  it('never names another school in any response', async () => {
    const hosts = [
      `${oakridge.slug}.localhost`,
      `${suspended.slug}.localhost`,
      `${archived.slug}.localhost`,
      `${uniqueSlug('x')}.localhost`,
      'localhost',
      'admin.localhost',
      '127.0.0.1',
    ];
    for (const host of hosts) {
      for (const url of ['/api/school', '/', '/api/nope', '/anything']) {
        const res = await get(host, url, { accept: 'text/html' });
        const allowed = host === `${oakridge.slug}.localhost` ? [oakridge.name, oakridge.id] : [];
        for (const secret of everySchoolName().filter((s) => !allowed.includes(s))) {
          expect(res.body, `${host}${url}`).not.toContain(secret);
        }
      }
    }
  });
});

describe('forwarded hosts behind a trusted proxy', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp(t.db, { config: testConfig({ TRUST_PROXY: 'true' }) });
  });
  afterAll(async () => {
    await proxied.close();
  });

  it('reads X-Forwarded-Host and Forwarded: host= only when TRUST_PROXY is on', async () => {
    const viaXfh = await proxied.app.inject({
      url: '/api/school',
      headers: { host: 'internal.lb:8080', 'x-forwarded-host': `${oakridge.slug}.localhost` },
    });
    expect(viaXfh.json().id).toBe(oakridge.id);
    const viaForwarded = await proxied.app.inject({
      url: '/api/school',
      headers: {
        host: 'internal.lb:8080',
        forwarded: `for=10.0.0.1;host="${greenwood.slug}.localhost";proto=https`,
      },
    });
    expect(viaForwarded.json().id).toBe(greenwood.id);
  });
});

describe('custom domains', () => {
  it('resolve only when verified', async () => {
    const school = await createSchool(t.db);
    await t.db.withPlatform((tx) =>
      tx.insert(customDomains).values([
        {
          id: newId(),
          ownerSchoolId: school.id,
          hostname: `portal-${school.slug}.example.edu`,
          verificationToken: 'v',
          status: 'verified',
        },
        {
          id: newId(),
          ownerSchoolId: school.id,
          hostname: `pending-${school.slug}.example.edu`,
          verificationToken: 'p',
          status: 'pending',
        },
      ]),
    );
    const verified = await get(`portal-${school.slug}.example.edu`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json().id).toBe(school.id);
    expect((await get(`pending-${school.slug}.example.edu`)).statusCode).toBe(404);
  });
});

describe('changes to a school take effect at once', () => {
  it('suspends, reactivates and renames through cache invalidation', async () => {
    const school = await createSchool(t.db);
    const host = `${school.slug}.localhost`;
    expect((await get(host)).statusCode).toBe(200);

    await t.db.withPlatform((tx) => updateSchoolStatus(tx, school.id, 'suspended'));
    await h.app.services.directory.invalidate({ slugs: [school.slug] });
    expect((await get(host)).statusCode).toBe(423);

    await t.db.withPlatform((tx) => updateSchoolStatus(tx, school.id, 'active'));
    await h.app.services.directory.invalidate({ slugs: [school.slug] });
    expect((await get(host)).statusCode).toBe(200);

    const renamed = uniqueSlug('renamed');
    await t.db.withPlatform((tx) => updateSchoolFields(tx, school.id, { slug: renamed }));
    await h.app.services.directory.invalidate({ slugs: [school.slug, renamed] });
    expect((await get(host)).statusCode).toBe(404);
    expect((await get(`${renamed}.localhost`)).json().id).toBe(school.id);
  });

  it('finds a school created after its host was asked for once it is announced', async () => {
    const slug = uniqueSlug('late');
    expect((await get(`${slug}.localhost`)).statusCode).toBe(404);
    await createSchool(t.db, { slug });
    await h.app.services.directory.invalidate({ slugs: [slug] });
    expect((await get(`${slug}.localhost`)).statusCode).toBe(200);
  });

  it('loads a cold school once for many concurrent requests', async () => {
    const school = await createSchool(t.db);
    const before = await metricValue('db');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => get(`${school.slug}.localhost`)),
    );
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect((await metricValue('db')) - before).toBe(1);
  });
});

async function metricValue(result: string): Promise<number> {
  const metrics = await h.app.services.metrics.tenantLookups.get();
  return metrics.values.find((v) => v.labels.result === result)?.value ?? 0;
}
