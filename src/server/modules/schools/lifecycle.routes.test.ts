import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, uniqueSlug } from '../../../test/factories.js';
import {
  createUser,
  HostClient,
  signInOperatorWithTotp,
  TEST_PASSWORD,
} from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { listTenantTables } from '../../platform/db/isolation-invariants.js';
import { createOperator } from '../operators/operators.service.js';
import type { SchoolRow } from './schools.repository.js';

let t: TestDatabase;
let h: TestApp;
let ops: HostClient;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  await createOperator(t.db, {
    email: 'lifecycle-ops@schoolhouse.test',
    name: 'Ops',
    password: TEST_PASSWORD,
  });
  ops = new HostClient(h.app, 'admin.localhost');
  expect(
    (await signInOperatorWithTotp(ops, t.owner, 'lifecycle-ops@schoolhouse.test')).statusCode,
  ).toBe(200);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

const onHost = (school: { slug: string }) => new HostClient(h.app, `${school.slug}.localhost`);
const status = async (school: { slug: string }) =>
  (await onHost(school).get('/api/school')).statusCode;
const act = (school: SchoolRow, action: string, body: Record<string, unknown> = {}) =>
  ops.post(`/api/schools/${school.id}/${action}`, { reason: 'Support ticket 1234', ...body });

describe('lifecycle actions and their effect on the school host', () => {
  it('suspends and reactivates, with history and audit', async () => {
    const school = await createSchool(t.db);
    expect(await status(school)).toBe(200);
    const suspended = await act(school, 'suspend');
    expect(suspended.json().status).toBe('suspended');
    expect(await status(school)).toBe(423);
    expect((await act(school, 'suspend')).statusCode).toBe(409);
    expect((await act(school, 'reactivate')).json().status).toBe('active');
    expect(await status(school)).toBe(200);

    const detail = (await ops.get(`/api/schools/${school.id}`)).json();
    expect(detail.statusHistory.slice(0, 2).map((s: { to: string }) => s.to)).toEqual([
      'active',
      'suspended',
    ]);
    expect(detail.recentAudit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['school.suspended', 'school.reactivated']),
    );
    expect(detail.recentAudit[0].reason).toBe('Support ticket 1234');
  });

  it('requires a reason for every action', async () => {
    const school = await createSchool(t.db);
    expect((await ops.post(`/api/schools/${school.id}/suspend`, {})).statusCode).toBe(400);
    expect((await ops.post(`/api/schools/${school.id}/suspend`, { reason: 'no' })).statusCode).toBe(
      400,
    );
  });

  it('puts a school in maintenance for everyone but its admins', async () => {
    const school = await createSchool(t.db);
    const admin = await createUser(t.db, school.id, { roles: ['admin'] });
    const teacher = await createUser(t.db, school.id, { roles: ['teacher'] });
    await act(school, 'maintenance', { enabled: true });
    expect(await status(school)).toBe(503);
    const adminClient = onHost(school);
    expect((await adminClient.signIn(admin.email)).statusCode).toBe(200);
    expect((await adminClient.get('/api/users')).statusCode).toBe(200);
    const teacherClient = onHost(school);
    await teacherClient.signIn(teacher.email);
    expect((await teacherClient.get('/api/me')).statusCode).toBe(503);
    await act(school, 'maintenance', { enabled: false });
    expect((await teacherClient.get('/api/me')).statusCode).toBe(200);
  });

  it('archives to 404 with data kept, restores suspended, and refuses invalid transitions', async () => {
    const school = await createSchool(t.db);
    await createUser(t.db, school.id, { email: 'kept@example.test' });
    expect((await act(school, 'restore')).statusCode).toBe(409);
    expect((await act(school, 'archive')).json().status).toBe('archived');
    expect(await status(school)).toBe(404);
    expect((await act(school, 'suspend')).statusCode).toBe(409);
    expect((await act(school, 'rename', { slug: uniqueSlug('x') })).statusCode).toBe(409);
    const kept = await t.owner.query('select email from users where school_id = $1', [school.id]);
    expect(kept).toEqual([{ email: 'kept@example.test' }]);
    expect((await act(school, 'restore')).json().status).toBe('suspended');
    expect(await status(school)).toBe(423);
  });

  it('renames: the old host stops at once and links use the new one', async () => {
    const school = await createSchool(t.db);
    expect(await status(school)).toBe(200);
    const slug = uniqueSlug('renamed');
    expect((await act(school, 'rename', { slug: 'admin' })).statusCode).toBe(400);
    const other = await createSchool(t.db);
    expect((await act(school, 'rename', { slug: other.slug })).statusCode).toBe(409);
    expect((await act(school, 'rename', { slug })).json().slug).toBe(slug);
    expect(await status(school)).toBe(404);
    expect((await onHost({ slug }).get('/api/school')).json().id).toBe(school.id);
    const started = await ops.post(`/api/schools/${school.id}/impersonations`, {
      reason: 'Checking the renamed school',
    });
    expect(started.json().url).toContain(`http://${slug}.localhost`);
  });

  it('extends and ends trials', async () => {
    const school = await createSchool(t.db, {
      status: 'trial',
      trialEndsAt: new Date(Date.now() + 86_400_000),
    });
    const extended = await act(school, 'trial', { extendDays: 10 });
    expect(new Date(extended.json().trialEndsAt).getTime() - Date.now()).toBeGreaterThan(
      10 * 86_400_000,
    );
    await act(school, 'trial', { end: true });
    expect(await status(school)).toBe(423);
    expect((await act(school, 'activate')).json().status).toBe('active');
    expect(await status(school)).toBe(200);
    expect((await act(school, 'trial', { extendDays: 5 })).statusCode).toBe(409);
  });

  it('changes plans and limits, enforced on the school at once', async () => {
    const school = await createSchool(t.db);
    const admin = await createUser(t.db, school.id, { roles: ['admin'] });
    const res = await act(school, 'plan', {
      planId: 'free',
      limitOverrides: { maxUsers: 2, rateLimitPerMinute: 1000 },
    });
    expect(res.json().planId).toBe('free');
    expect((await act(school, 'plan', { planId: 'platinum' })).statusCode).toBe(400);
    const adminClient = onHost(school);
    await adminClient.signIn(admin.email);
    expect(
      (
        await adminClient.post('/api/users', {
          email: 'one@example.test',
          name: 'One',
          roles: ['staff'],
        })
      ).statusCode,
    ).toBe(201);
    const over = await adminClient.post('/api/users', {
      email: 'two@example.test',
      name: 'Two',
      roles: ['staff'],
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({
      code: 'PLAN_LIMIT_REACHED',
      message: expect.stringContaining('2 user accounts'),
    });
    const detail = (await ops.get(`/api/schools/${school.id}`)).json();
    expect(detail.limits.find((l: { key: string }) => l.key === 'users').limit).toBe(2);
  });

  it("holds a school's API traffic to its per-minute rate", async () => {
    const school = await createSchool(t.db);
    await act(school, 'plan', { planId: 'standard', limitOverrides: { rateLimitPerMinute: 5 } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await onHost(school).get('/api/school')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await onHost(school).get('/api/school');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const neighbour = await createSchool(t.db);
    expect(await status(neighbour)).toBe(200);
  });

  it('creates a school for a customer and invites its first admin', async () => {
    const slug = uniqueSlug('customer');
    const res = await ops.post('/api/schools', {
      name: 'Customer College',
      slug,
      adminName: 'Cora Customer',
      adminEmail: 'Cora@Example.test',
      planId: 'enterprise',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ slug, status: 'active', planId: 'enterprise' });
    expect(await status({ slug })).toBe(200);
    const mail = await t.owner.query<{ body_text: string }>(
      'select m.body_text from mail_outbox m join schools s on s.id = m.school_id where s.slug = $1',
      [slug],
    );
    expect(mail[0]?.body_text).toContain(`http://${slug}.localhost:3000/accept-invitation#token=`);
    expect(
      (
        await ops.post('/api/schools', {
          name: 'Again',
          slug,
          adminName: 'A',
          adminEmail: 'a@example.test',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('deleting a school', () => {
  it('needs an archived school and its typed address, then purges every tenant table', async () => {
    const school = await createSchool(t.db);
    const neighbour = await createSchool(t.db);
    const admin = await createUser(t.db, school.id, { roles: ['admin'] });
    await createUser(t.db, neighbour.id, { email: 'neighbour@example.test' });
    const adminClient = onHost(school);
    await adminClient.signIn(admin.email);
    await adminClient.post('/api/roles', { name: 'Helper', permissions: ['audit:read'] });
    await adminClient.post('/api/users', {
      email: 'invitee@example.test',
      name: 'Invitee',
      roles: ['teacher'],
    });

    const early = await ops.request('DELETE', `/api/schools/${school.id}`, {
      confirmSlug: school.slug,
      reason: 'Customer left us',
    });
    expect(early.statusCode).toBe(409);
    await act(school, 'archive');
    const wrong = await ops.request('DELETE', `/api/schools/${school.id}`, {
      confirmSlug: 'nope',
      reason: 'Customer left us',
    });
    expect(wrong.statusCode).toBe(400);
    const done = await ops.request('DELETE', `/api/schools/${school.id}`, {
      confirmSlug: school.slug,
      reason: 'Customer left us',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().deletedRows).toBeGreaterThan(5);

    const tables = await listTenantTables((text, params) => t.owner.query(text, params));
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const table of tables) {
      const left = await t.owner.query<{ n: number }>(
        `select count(*)::int as n from ${table} where school_id = $1`,
        [school.id],
      );
      expect(left[0]?.n, table).toBe(0);
    }
    expect(await t.owner.query('select 1 from schools where id = $1', [school.id])).toEqual([]);
    const neighbourRows = await t.owner.query('select email from users where school_id = $1', [
      neighbour.id,
    ]);
    expect(neighbourRows).toEqual([{ email: 'neighbour@example.test' }]);
    const tombstone = await t.owner.query<{ action: string; target_school_slug: string }>(
      `select action, target_school_slug from platform_audit_events where target_school_id = $1 and action = 'school.deleted'`,
      [school.id],
    );
    expect(tombstone).toEqual([{ action: 'school.deleted', target_school_slug: school.slug }]);
    expect(await status(school)).toBe(404);
  });
});

describe('the school list', () => {
  it('searches, filters, sorts and pages by keyset', async () => {
    const tag = uniqueSlug('list');
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(await createSchool(t.db, { slug: `${tag}-${i}`, name: `List School ${tag} ${i}` }));
    await act(made[1] as SchoolRow, 'suspend');
    const bySearch = await ops.get(`/api/schools?q=${tag}&sort=name&order=asc&limit=2`);
    const names: string[] = bySearch.json().items.map((s: { name: string }) => s.name);
    let cursor = bySearch.json().nextCursor as string | null;
    while (cursor) {
      const next = await ops.get(
        `/api/schools?q=${tag}&sort=name&order=asc&limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      names.push(...next.json().items.map((s: { name: string }) => s.name));
      cursor = next.json().nextCursor;
    }
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `List School ${tag} ${i}`));
    const suspended = await ops.get(`/api/schools?q=${tag}&status=suspended`);
    expect(suspended.json().items.map((s: { id: string }) => s.id)).toEqual([made[1]?.id]);
    const newest = await ops.get(`/api/schools?q=${tag}&sort=created`);
    expect(newest.json().items[0].id).toBe(made[4]?.id);
    expect((await ops.get('/api/schools?sort=height')).statusCode).toBe(400);
  });

  it('shows usage per school after traffic', async () => {
    const school = await createSchool(t.db);
    const user = await createUser(t.db, school.id);
    const c = onHost(school);
    await c.signIn(user.email);
    for (let i = 0; i < 3; i++) await c.get('/api/me');
    await onHost(school).get('/api/nothing-here');
    await h.app.services.usage.flush();
    await h.app.services.usage.refreshFigures();
    const detail = (await ops.get(`/api/schools/${school.id}`)).json();
    const today = detail.usage.at(-1);
    expect(today.requests).toBeGreaterThanOrEqual(5);
    expect(today.activeUsers).toBe(1);
    expect(today.p95Ms).not.toBeNull();
    expect(detail.school.userCount).toBe(1);
    expect(
      detail.limits.find((l: { key: string }) => l.key === 'storageMb').used,
    ).toBeGreaterThanOrEqual(0);
    const metrics = await h.app.inject({ url: '/metrics', headers: { host: '127.0.0.1' } });
    expect(metrics.body).toContain(`schoolhouse_tenant_requests{tenant="${school.slug}"}`);
  });
});
