import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient, TEST_PASSWORD } from '../../../test/identity.js';
import { createTestApp, testConfig, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { Database } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { createOperator } from '../operators/operators.service.js';
import type { SchoolRow } from '../schools/schools.repository.js';
import { customDomains } from '../schools/schools.table.js';
import { FakeResolver } from './dns-resolver.js';
import { DomainVerifier } from './domain-verifier.js';
import type { DomainDeps } from './domains.service.js';

let t: TestDatabase;
let h: TestApp;
let resolver: FakeResolver;
let ops: HostClient;
let clients = 0;
const operatorEmail = 'domains-operator@schoolhouse.test';

interface DomainBody {
  id: string;
  hostname: string;
  status: string;
  attempts: number;
  lastError: string | null;
  verifiedAt: string | null;
  nextCheckAt: string | null;
  cnameOk?: boolean;
  instructions: { txt: { name: string; value: string }; cname: { name: string; target: string } };
}

function uniqueHost(label = 'portal'): string {
  return `${label}-${randomBytes(4).toString('hex')}.example.edu`;
}

async function signedIn(
  school: SchoolRow,
  roles: string[],
): Promise<{ client: HostClient; userId: string }> {
  const user = await createUser(t.db, school.id, { roles });
  // Each person signs in from their own address, clear of the per-address sign-in limit.
  clients++;
  const ip = `10.77.${Math.floor(clients / 200)}.${(clients % 200) + 1}`;
  const client = new HostClient(h.app, `${school.slug}.localhost`, ip);
  expect((await client.signIn(user.email)).statusCode).toBe(200);
  return { client, userId: user.id };
}

/** Every test works in schools of its own, so the five-domain limit never couples tests. */
async function newSchool(
  overrides: Parameters<typeof createSchool>[1] = {},
): Promise<{ school: SchoolRow; admin: HostClient; adminId: string }> {
  const school = await createSchool(t.db, overrides);
  const { client, userId } = await signedIn(school, ['admin']);
  return { school, admin: client, adminId: userId };
}

async function addDomain(client: HostClient, hostname = uniqueHost()): Promise<DomainBody> {
  const res = await client.post('/api/school/domains', { hostname });
  expect(res.statusCode).toBe(201);
  return res.json() as DomainBody;
}

function publish(domain: DomainBody): void {
  resolver.setTxt(domain.instructions.txt.name, [domain.instructions.txt.value]);
}

async function verify(client: HostClient, domain: DomainBody): Promise<DomainBody> {
  const res = await client.post(`/api/school/domains/${domain.id}/verify`);
  expect(res.statusCode).toBe(200);
  return res.json() as DomainBody;
}

function schoolOn(host: string) {
  return new HostClient(h.app, host).get('/api/school');
}

function tlsAsk(domain: string, host = '127.0.0.1:3000') {
  return h.app.inject({
    method: 'GET',
    url: `/internal/tls-allowed?domain=${encodeURIComponent(domain)}`,
    headers: { host },
  });
}

async function auditActions(schoolId: string, entityId: string) {
  return t.owner.query<{
    action: string;
    actor_user_id: string | null;
    actor_operator_id: string | null;
  }>(
    `select action, actor_user_id, actor_operator_id from audit_events
      where school_id = $1 and entity_id = $2 order by at, id`,
    [schoolId, entityId],
  );
}

function secondsUntil(iso: string | null): number {
  return ((iso ? new Date(iso).getTime() : Number.NaN) - Date.now()) / 1000;
}

beforeAll(async () => {
  t = await createTestDatabase();
  resolver = new FakeResolver();
  h = await createTestApp(t.db, {
    config: testConfig({ PREVIEW_SUFFIXES: 'preview.test' }),
    domainResolver: resolver,
  });
  await createOperator(t.db, {
    email: operatorEmail,
    name: 'Domains Ops',
    password: TEST_PASSWORD,
  });
  // Operators sign in with a second factor: enrol a known secret and answer with its code.
  const secret = new Secret({ size: 20 });
  await t.owner.query('update operators set totp_secret = $1 where email = $2', [
    secret.base32,
    operatorEmail,
  ]);
  ops = new HostClient(h.app, 'admin.localhost', '10.78.0.1');
  const totp = new TOTP({ secret, digits: 6, period: 30 }).generate();
  const signIn = await ops.post('/api/auth/sign-in', {
    email: operatorEmail,
    password: TEST_PASSWORD,
    totp,
  });
  expect(signIn.statusCode).toBe(200);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

describe('connecting a domain', () => {
  it('answers with the TXT and CNAME records to publish', async () => {
    const { school, admin, adminId } = await newSchool();
    const hostname = uniqueHost();
    const domain = await addDomain(admin, hostname);
    expect(domain).toMatchObject({
      hostname,
      status: 'pending',
      attempts: 0,
      lastError: null,
      verifiedAt: null,
      instructions: {
        txt: { name: `_schoolhouse.${hostname}` },
        cname: { name: hostname, target: `${school.slug}.localhost` },
      },
    });
    expect(domain.instructions.txt.value).toMatch(/^schoolhouse-verification=[0-9a-f]{32}$/);

    const list = await admin.get('/api/school/domains');
    expect(list.statusCode).toBe(200);
    expect(list.json().maxDomains).toBe(5);
    const listed = list.json().items.find((d: DomainBody) => d.id === domain.id);
    expect(listed.instructions).toEqual(domain.instructions);

    const audit = await auditActions(school.id, domain.id);
    expect(audit).toEqual([
      { action: 'domain.added', actor_user_id: adminId, actor_operator_id: null },
    ]);
  });

  it('stores the name lowercased and in punycode', async () => {
    const { admin } = await newSchool();
    const label = `bücher-${randomBytes(3).toString('hex')}`;
    const domain = await addDomain(admin, `${label.toUpperCase()}.Example.EDU.`);
    expect(domain.hostname).toBe(domainToASCII(`${label}.example.edu`));
    expect(domain.hostname).toMatch(/^xn--/);
  });

  it('refuses names under a root domain or preview suffix, addresses and bare labels', async () => {
    const { school: schoolA, admin: adminA } = await newSchool();
    const { school: schoolB } = await newSchool();
    for (const hostname of [
      `${schoolA.slug}.localhost`,
      `${schoolB.slug}.schoolhouse.test`,
      'localhost',
      'admin.localhost',
      'www.schoolhouse.test',
      'a.b.localhost',
      `${schoolA.slug}---feature.preview.test`,
      'anything.preview.test',
      '203.0.113.9',
      '[2001:db8::5]',
      'intranet',
      'bad_name.example.edu',
    ]) {
      const res = await adminA.post('/api/school/domains', { hostname });
      expect(res.statusCode, hostname).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details[0].field).toBe('hostname');
    }
  });

  it('refuses a hostname another school (or the same one) already uses', async () => {
    const { admin: adminA } = await newSchool();
    const { admin: adminB } = await newSchool();
    const domain = await addDomain(adminA);
    const taken = await adminB.post('/api/school/domains', { hostname: domain.hostname });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CONFLICT');
    expect(taken.json().error.details[0]).toMatchObject({ field: 'hostname', code: 'taken' });
    const again = await adminA.post('/api/school/domains', {
      hostname: domain.hostname.toUpperCase(),
    });
    expect(again.statusCode).toBe(409);
  });

  it('is refused when the plan does not include custom domains', async () => {
    const school = await createSchool(t.db);
    await t.owner.query(`update schools set features = '{"customDomains": false}' where id = $1`, [
      school.id,
    ]);
    const { client: admin } = await signedIn(school, ['admin']);
    const res = await admin.post('/api/school/domains', { hostname: uniqueHost() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FEATURE_NOT_AVAILABLE');
    expect((await admin.get('/api/school/domains')).json().items).toEqual([]);
  });

  it('allows at most five domains per school', async () => {
    const school = await createSchool(t.db);
    const { client: admin } = await signedIn(school, ['admin']);
    const added = [];
    for (let i = 0; i < 5; i++) added.push(await addDomain(admin));
    const sixth = await admin.post('/api/school/domains', { hostname: uniqueHost() });
    expect(sixth.statusCode).toBe(422);
    expect(sixth.json().error.code).toBe('RULE_VIOLATION');
    expect((await admin.delete(`/api/school/domains/${added[0]?.id}`)).statusCode).toBe(204);
    await addDomain(admin);
  });
});

describe('verification', () => {
  it('verifies through the TXT record, and the domain then serves the school', async () => {
    const { school, admin } = await newSchool();
    const domain = await addDomain(admin);
    // Asked before verification: the "no school here" answer is now cached by the directory.
    expect((await schoolOn(domain.hostname)).statusCode).toBe(404);

    publish(domain);
    resolver.setCname(domain.hostname, `${school.slug}.localhost.`);
    const verified = await verify(admin, domain);
    expect(verified).toMatchObject({ status: 'verified', lastError: null, cnameOk: true });
    expect(verified.verifiedAt).not.toBeNull();
    expect(verified.nextCheckAt).toBeNull();

    const served = await schoolOn(domain.hostname);
    expect(served.statusCode).toBe(200);
    expect(served.json().id).toBe(school.id);

    const audit = await auditActions(school.id, domain.id);
    expect(audit.map((a) => a.action)).toEqual(['domain.added', 'domain.checked']);
  });

  it('verifies an apex domain without a CNAME and says the CNAME is missing', async () => {
    const { admin } = await newSchool();
    const domain = await addDomain(admin, `apex-${randomBytes(4).toString('hex')}.edu`);
    publish(domain);
    const verified = await verify(admin, domain);
    expect(verified).toMatchObject({ status: 'verified', cnameOk: false });
  });

  it('keeps a domain with the wrong TXT value pending, with the reason and a later retry', async () => {
    const { admin } = await newSchool();
    const domain = await addDomain(admin);
    resolver.setTxt(domain.instructions.txt.name, ['schoolhouse-verification=not-the-token']);
    const first = await verify(admin, domain);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.lastError).toContain('does not hold the expected value');
    expect(secondsUntil(first.nextCheckAt)).toBeGreaterThan(50);
    expect(secondsUntil(first.nextCheckAt)).toBeLessThanOrEqual(60);

    const second = await verify(admin, domain);
    expect(second.attempts).toBe(2);
    expect(secondsUntil(second.nextCheckAt)).toBeGreaterThan(110);
    expect(secondsUntil(second.nextCheckAt)).toBeLessThanOrEqual(120);
    expect((await schoolOn(domain.hostname)).statusCode).toBe(404);
  });

  it('says NXDOMAIN when nothing is published and when the lookup times out', async () => {
    const { admin } = await newSchool();
    const domain = await addDomain(admin);
    expect((await verify(admin, domain)).lastError).toMatch(/^NXDOMAIN/);
    resolver.fail(domain.instructions.txt.name, 'ETIMEOUT');
    expect((await verify(admin, domain)).lastError).toMatch(/timed out/);
    resolver.clear(domain.instructions.txt.name);
  });

  it('fails after ten attempts, and a manual retry starts again', async () => {
    const { admin } = await newSchool();
    const domain = await addDomain(admin);
    let latest = domain;
    for (let i = 1; i <= 10; i++) {
      latest = await verify(admin, domain);
      expect(latest.attempts).toBe(i);
      expect(latest.status).toBe(i < 10 ? 'pending' : 'failed');
    }
    expect(latest.nextCheckAt).toBeNull();
    expect(latest.lastError).toMatch(/^NXDOMAIN/);

    const retried = await verify(admin, domain);
    expect(retried).toMatchObject({ status: 'pending', attempts: 1 });
    publish(domain);
    expect(await verify(admin, domain)).toMatchObject({ status: 'verified', attempts: 1 });
  });

  it('stops serving a removed domain at once', async () => {
    const { school, admin, adminId } = await newSchool();
    const domain = await addDomain(admin);
    publish(domain);
    await verify(admin, domain);
    expect((await schoolOn(domain.hostname)).statusCode).toBe(200);

    expect((await admin.delete(`/api/school/domains/${domain.id}`)).statusCode).toBe(204);
    expect((await schoolOn(domain.hostname)).statusCode).toBe(404);
    expect((await tlsAsk(domain.hostname)).statusCode).toBe(404);
    const list = await admin.get('/api/school/domains');
    expect(list.json().items.map((d: DomainBody) => d.id)).not.toContain(domain.id);
    const audit = await auditActions(school.id, domain.id);
    expect(audit.at(-1)).toMatchObject({ action: 'domain.removed', actor_user_id: adminId });
  });
});

describe('who may manage domains', () => {
  it("returns 404 for another school's domain, and never lists it", async () => {
    const { admin: adminA } = await newSchool();
    const { admin: adminB } = await newSchool();
    const domain = await addDomain(adminA);
    const listB = await adminB.get('/api/school/domains');
    expect(listB.json().items.map((d: DomainBody) => d.id)).not.toContain(domain.id);

    const absent = await adminB.delete(`/api/school/domains/${newId()}`);
    const foreign = await adminB.delete(`/api/school/domains/${domain.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(absent.json());
    expect((await adminB.post(`/api/school/domains/${domain.id}/verify`)).statusCode).toBe(404);

    const listA = await adminA.get('/api/school/domains');
    expect(listA.json().items.map((d: DomainBody) => d.id)).toContain(domain.id);
  });

  it('refuses teachers and people who are not signed in', async () => {
    const { school, admin } = await newSchool();
    const domain = await addDomain(admin);
    const { client: teacher } = await signedIn(school, ['teacher']);
    expect((await teacher.get('/api/school/domains')).statusCode).toBe(403);
    expect((await teacher.post('/api/school/domains', { hostname: uniqueHost() })).statusCode).toBe(
      403,
    );
    expect((await teacher.delete(`/api/school/domains/${domain.id}`)).statusCode).toBe(403);
    expect((await teacher.post(`/api/school/domains/${domain.id}/verify`)).statusCode).toBe(403);
    const anonymous = new HostClient(h.app, `${school.slug}.localhost`);
    expect((await anonymous.get('/api/school/domains')).statusCode).toBe(401);
  });

  it('serves the school endpoints only on school hosts and the operator ones on the platform', async () => {
    const { school, admin } = await newSchool();
    const onPlatform = new HostClient(h.app, 'admin.localhost');
    onPlatform.cookie = ops.cookie;
    expect((await onPlatform.get('/api/school/domains')).statusCode).toBe(404);
    const onSchool = new HostClient(h.app, `${school.slug}.localhost`);
    onSchool.cookie = admin.cookie;
    expect((await onSchool.get('/api/domains')).statusCode).toBe(404);
    expect((await new HostClient(h.app, 'admin.localhost').get('/api/domains')).statusCode).toBe(
      401,
    );
  });
});

describe('operators', () => {
  it('list every school’s domains with filters and keyset pages', async () => {
    const school = await createSchool(t.db);
    const { client: admin } = await signedIn(school, ['admin']);
    const first = await addDomain(admin);
    const second = await addDomain(admin);
    publish(second);
    await verify(admin, second);

    const all = await ops.get(`/api/domains?q=${school.slug}`);
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((d: DomainBody) => d.id)).toEqual([second.id, first.id]);
    expect(all.json().items[0].school).toEqual({
      id: school.id,
      slug: school.slug,
      name: school.name,
    });

    const pageOne = await ops.get(`/api/domains?q=${school.slug}&limit=1`);
    expect(pageOne.json().items.map((d: DomainBody) => d.id)).toEqual([second.id]);
    const cursor = pageOne.json().nextCursor as string;
    expect(cursor).toBeTruthy();
    const pageTwo = await ops.get(
      `/api/domains?q=${school.slug}&limit=1&cursor=${encodeURIComponent(cursor)}`,
    );
    expect(pageTwo.json()).toMatchObject({ nextCursor: null });
    expect(pageTwo.json().items.map((d: DomainBody) => d.id)).toEqual([first.id]);

    const byHost = await ops.get(`/api/domains?q=${first.hostname}`);
    expect(byHost.json().items.map((d: DomainBody) => d.id)).toEqual([first.id]);
    const pending = await ops.get(`/api/domains?q=${school.slug}&status=pending`);
    expect(pending.json().items.map((d: DomainBody) => d.id)).toEqual([first.id]);
    expect((await ops.get('/api/domains?status=gone')).statusCode).toBe(400);
  });

  it('check a domain and record it in the platform trail', async () => {
    const { school: schoolB, admin: adminB } = await newSchool();
    const domain = await addDomain(adminB);
    publish(domain);
    const res = await ops.post(`/api/domains/${domain.id}/verify`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: domain.id,
      status: 'verified',
      school: { id: schoolB.id, slug: schoolB.slug },
    });
    expect((await schoolOn(domain.hostname)).json().id).toBe(schoolB.id);
    const trail = await t.owner.query<{ action: string; target_school_id: string }>(
      `select action, target_school_id from platform_audit_events where details->>'domainId' = $1`,
      [domain.id],
    );
    expect(trail).toEqual([{ action: 'domain.checked', target_school_id: schoolB.id }]);
    const schoolTrail = await auditActions(schoolB.id, domain.id);
    expect(schoolTrail.at(-1)).toMatchObject({ action: 'domain.verified', actor_user_id: null });
    expect(schoolTrail.at(-1)?.actor_operator_id).toBeTruthy();
    expect((await ops.post(`/api/domains/${newId()}/verify`)).statusCode).toBe(404);
  });

  it('remove a domain only with a stated reason, which both trails keep', async () => {
    const { school: schoolB, admin: adminB } = await newSchool();
    const domain = await addDomain(adminB);
    publish(domain);
    await verify(adminB, domain);
    expect((await schoolOn(domain.hostname)).statusCode).toBe(200);

    const url = `/api/domains/${domain.id}`;
    expect((await ops.request('DELETE', url, {})).statusCode).toBe(400);
    expect((await ops.request('DELETE', url, { reason: 'too short' })).statusCode).toBe(400);
    expect((await ops.request('DELETE', url, { reason: ' '.repeat(12) })).statusCode).toBe(400);
    const reason = 'Phishing report #88: domain now points elsewhere';
    expect((await ops.request('DELETE', url, { reason })).statusCode).toBe(204);
    expect((await ops.request('DELETE', url, { reason })).statusCode).toBe(404);

    expect((await schoolOn(domain.hostname)).statusCode).toBe(404);
    const trail = await t.owner.query<{
      action: string;
      reason: string;
      operator_email: string;
      target_school_slug: string;
    }>(
      `select action, reason, operator_email, target_school_slug from platform_audit_events
        where action = 'domain.removed' and details->>'domainId' = $1`,
      [domain.id],
    );
    expect(trail).toEqual([
      {
        action: 'domain.removed',
        reason,
        operator_email: operatorEmail,
        target_school_slug: schoolB.slug,
      },
    ]);
    const schoolTrail = await auditActions(schoolB.id, domain.id);
    expect(schoolTrail.at(-1)?.action).toBe('domain.removed');
    expect(schoolTrail.at(-1)?.actor_operator_id).toBeTruthy();

    const trailPage = await ops.get('/api/platform-audit-events');
    expect(trailPage.json().items.map((e: { action: string }) => e.action)).toContain(
      'domain.removed',
    );
  });
});

describe('the TLS ask endpoint', () => {
  it('allows verified custom domains and the names this deployment serves', async () => {
    const { school, admin } = await newSchool();
    const domain = await addDomain(admin);
    expect((await tlsAsk(domain.hostname)).statusCode).toBe(404);
    publish(domain);
    await verify(admin, domain);
    expect((await tlsAsk(domain.hostname)).statusCode).toBe(200);
    expect((await tlsAsk(domain.hostname.toUpperCase())).statusCode).toBe(200);
    expect((await tlsAsk(domain.hostname, '[::1]:3000')).statusCode).toBe(200);

    for (const name of [
      `${school.slug}.localhost`,
      `${school.slug}.schoolhouse.test`,
      'admin.localhost',
      'admin.schoolhouse.test',
      'localhost',
      'www.schoolhouse.test',
    ]) {
      expect((await tlsAsk(name)).statusCode, name).toBe(200);
    }
  });

  it('refuses names nobody is served on', async () => {
    const { school } = await newSchool();
    const archived = await createSchool(t.db, { status: 'archived' });
    const archivedHost = uniqueHost('archived');
    await t.db.withPlatform((tx) =>
      tx.insert(customDomains).values({
        id: newId(),
        ownerSchoolId: archived.id,
        hostname: archivedHost,
        verificationToken: 'x',
        status: 'verified',
      }),
    );
    for (const name of [
      uniqueHost('unknown'),
      archivedHost,
      `${archived.slug}.localhost`,
      `no-such-${randomBytes(4).toString('hex')}.localhost`,
      'a.b.localhost',
      'api.localhost',
      `${school.slug}---feature.preview.test`,
      'anything.preview.test',
      '127.0.0.1',
      'bad_name!',
    ]) {
      expect((await tlsAsk(name)).statusCode, name).toBe(404);
    }
    expect(
      (await h.app.inject({ url: '/internal/tls-allowed', headers: { host: '127.0.0.1' } }))
        .statusCode,
    ).toBe(400);
  });

  it('lets a suspended school keep its certificate, to show its suspension page', async () => {
    const suspended = await createSchool(t.db, { status: 'suspended' });
    expect((await tlsAsk(`${suspended.slug}.localhost`)).statusCode).toBe(200);
  });

  it('answers only to a client addressing the app by IP', async () => {
    const { school, admin } = await newSchool();
    const domain = await addDomain(admin);
    publish(domain);
    await verify(admin, domain);
    for (const host of [
      `${school.slug}.localhost`,
      domain.hostname,
      'localhost',
      'admin.localhost',
      'api.localhost',
    ]) {
      const res = await tlsAsk(`${school.slug}.localhost`, host);
      expect(res.statusCode, host).toBe(404);
      const bare = await h.app.inject({ url: '/internal/tls-allowed', headers: { host } });
      expect(bare.statusCode, host).toBe(404);
    }
  });
});

describe('the background verifier', () => {
  function deps(overrides: Partial<DomainDeps> = {}): DomainDeps {
    const { directory, config } = h.app.services;
    return { db: t.db, directory, config, resolver, ...overrides };
  }

  it('checks due pending domains and leaves the others alone', async () => {
    const { school, admin } = await newSchool();
    const due = await addDomain(admin);
    const wrong = await addDomain(admin);
    const later = await addDomain(admin);
    publish(due);
    publish(later);
    resolver.setTxt(wrong.instructions.txt.name, ['schoolhouse-verification=stale']);
    await t.owner.query(
      `update custom_domains set next_check_at = now() + interval '1 hour' where id = $1`,
      [later.id],
    );
    expect((await schoolOn(due.hostname)).statusCode).toBe(404);

    const verifier = new DomainVerifier(deps(), h.app.log);
    const run = verifier.runOnce();
    expect(verifier.runOnce()).toBe(run);
    const summary = await run;
    expect(summary.verified).toContain(due.hostname);
    expect(summary.errors).toEqual([]);

    const items: DomainBody[] = (await admin.get('/api/school/domains')).json().items;
    const byId = new Map(items.map((d) => [d.id, d]));
    expect(byId.get(due.id)).toMatchObject({ status: 'verified', lastError: null });
    expect(byId.get(wrong.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(secondsUntil(byId.get(wrong.id)?.nextCheckAt ?? null)).toBeGreaterThan(50);
    expect(byId.get(later.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(resolver.lookups).not.toContain(`TXT ${later.instructions.txt.name}`);

    expect((await schoolOn(due.hostname)).json().id).toBe(school.id);
    const audit = await auditActions(school.id, due.id);
    expect(audit.at(-1)).toEqual({
      action: 'domain.verified',
      actor_user_id: null,
      actor_operator_id: null,
    });

    // Nothing is due any more: a second pass checks none of them again.
    const again = await verifier.runOnce();
    expect(again.verified).not.toContain(due.hostname);
  });

  it('runs on its interval once started, and stops', async () => {
    const { admin } = await newSchool();
    const domain = await addDomain(admin);
    publish(domain);
    const verifier = new DomainVerifier(deps(), h.app.log, { intervalMs: 20 });
    verifier.start();
    try {
      await vi.waitFor(async () => expect((await schoolOn(domain.hostname)).statusCode).toBe(200), {
        timeout: 5_000,
        interval: 50,
      });
    } finally {
      await verifier.stop();
    }
  });

  it('logs and survives a failing run', async () => {
    const error = vi.fn();
    const log = { error, info: vi.fn() } as unknown as FastifyBaseLogger;
    const broken = {
      withPlatform: () => Promise.reject(new Error('database unavailable')),
    } as unknown as Database;
    const verifier = new DomainVerifier(deps({ db: broken }), log);
    await expect(verifier.runOnce()).resolves.toMatchObject({ claimed: 0 });
    expect(error).toHaveBeenCalledTimes(1);
  });
});
