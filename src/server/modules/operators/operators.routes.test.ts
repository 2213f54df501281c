import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import {
  createUser,
  HostClient,
  signInOperatorWithTotp,
  TEST_PASSWORD,
} from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { SchoolRow } from '../schools/schools.repository.js';
import { createOperator } from './operators.service.js';

let t: TestDatabase;
let h: TestApp;
let school: SchoolRow;
let other: SchoolRow;
let ops: HostClient;
const operatorEmail = 'ops-person@schoolhouse.test';

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  school = await createSchool(t.db);
  other = await createSchool(t.db);
  await createOperator(t.db, { email: operatorEmail, name: 'Ops Person', password: TEST_PASSWORD });
  ops = new HostClient(h.app, 'admin.localhost');
  expect((await signInOperatorWithTotp(ops, t.owner, operatorEmail)).statusCode).toBe(200);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

async function impersonate(body: Record<string, unknown>, target = school) {
  return ops.post(`/api/schools/${target.id}/impersonations`, body);
}

function tokenOf(url: string): string {
  return new URL(url).hash.replace('#token=', '');
}

describe('operator accounts', () => {
  it('sign in only on the platform host, with their own cookie', async () => {
    const c = new HostClient(h.app, 'admin.localhost');
    const res = await signInOperatorWithTotp(c, t.owner, operatorEmail);
    expect(res.json()).toMatchObject({ operator: { email: operatorEmail, name: 'Ops Person' } });
    expect(String(res.headers['set-cookie'])).toMatch(/^sh_operator=/);
    expect((await c.get('/api/me')).json().operator.email).toBe(operatorEmail);
    const onSchool = new HostClient(h.app, `${school.slug}.localhost`);
    const attempt = await onSchool.signIn(operatorEmail);
    expect(attempt.statusCode).toBe(401);
  });

  it('cannot reach operator endpoints from a school or marketing host', async () => {
    for (const host of [`${school.slug}.localhost`, 'localhost']) {
      const c = new HostClient(h.app, host);
      c.cookie = ops.cookie;
      expect((await c.get('/api/schools')).statusCode).toBe(404);
      expect(
        (
          await c.post(`/api/schools/${school.id}/impersonations`, {
            reason: 'looking around the school',
          })
        ).statusCode,
      ).toBe(404);
      expect((await c.get('/api/platform-audit-events')).statusCode).toBe(404);
    }
  });

  it('enrol a second factor on first sign-in, confirmed with a code', async () => {
    const email = 'new-operator@schoolhouse.test';
    await createOperator(t.db, { email, name: 'New', password: TEST_PASSWORD });
    const c = new HostClient(h.app, 'admin.localhost', '10.7.0.2');
    const first = await c.signIn(email);
    expect(first.statusCode).toBe(401);
    expect(first.json().error.code).toBe('TOTP_SETUP_REQUIRED');
    const secret = first.json().error.details.find((d: { code: string }) => d.code === 'secret')
      .message as string;
    expect(
      first.json().error.details.find((d: { code: string }) => d.code === 'uri').message,
    ).toContain('otpauth://totp/');
    expect(c.cookie).toBeNull();
    const again = await c.signIn(email);
    expect(again.json().error.details[0].message).toBe(secret);
    const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
    expect(
      (await c.post('/api/auth/sign-in', { email, password: TEST_PASSWORD, totp: code }))
        .statusCode,
    ).toBe(200);
    const [row] = await t.owner.query<{ totp_secret: string; totp_pending_secret: string | null }>(
      'select totp_secret, totp_pending_secret from operators where email = $1',
      [email],
    );
    expect(row).toEqual({ totp_secret: secret, totp_pending_secret: null });
    const later = await new HostClient(h.app, 'admin.localhost', '10.7.0.3').signIn(email);
    expect(later.json().error.code).toBe('TOTP_REQUIRED');
  });

  it('need a second factor once one is enrolled', async () => {
    const secret = new Secret({ size: 20 });
    const email = 'totp-operator@schoolhouse.test';
    await createOperator(t.db, { email, name: 'Totp', password: TEST_PASSWORD });
    await t.owner.query('update operators set totp_secret = $1 where email = $2', [
      secret.base32,
      email,
    ]);
    const c = new HostClient(h.app, 'admin.localhost', '10.7.0.1');
    const first = await c.signIn(email);
    expect(first.statusCode).toBe(401);
    expect(first.json().error.code).toBe('TOTP_REQUIRED');
    const bad = await c.post('/api/auth/sign-in', {
      email,
      password: TEST_PASSWORD,
      totp: '000000',
    });
    expect(bad.json().error.code).toBe('INVALID_CREDENTIALS');
    const code = new TOTP({ secret, digits: 6, period: 30 }).generate();
    const ok = await c.post('/api/auth/sign-in', { email, password: TEST_PASSWORD, totp: code });
    expect(ok.statusCode).toBe(200);
  });

  it('list schools with search', async () => {
    const res = await ops.get(`/api/schools?q=${school.slug}`);
    expect(res.json().items.map((s: { id: string }) => s.id)).toEqual([school.id]);
    expect((await new HostClient(h.app, 'admin.localhost').get('/api/schools')).statusCode).toBe(
      401,
    );
  });
});

describe('impersonation', () => {
  it('needs a recorded reason', async () => {
    expect((await impersonate({})).statusCode).toBe(400);
    expect((await impersonate({ reason: 'short' })).statusCode).toBe(400);
    expect((await impersonate({ reason: '          ' + '   ' })).statusCode).toBe(400);
  });

  it('opens a read-only support session on the school host through a one-time token', async () => {
    const admin = await createUser(t.db, school.id, { roles: ['admin'] });
    const started = await impersonate({ reason: 'Ticket 4711: grades page shows an error' });
    expect(started.statusCode).toBe(201);
    const { url, expiresAt } = started.json();
    expect(url).toMatch(new RegExp(`^http://${school.slug}\\.localhost:3000/impersonate#token=`));
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);

    const support = new HostClient(h.app, `${school.slug}.localhost`);
    const accepted = await support.post('/api/auth/impersonation/accept', { token: tokenOf(url) });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().impersonation).toMatchObject({ operatorEmail, readOnly: true });
    const expiry = new Date(accepted.json().impersonation.expiresAt).getTime() - Date.now();
    expect(expiry).toBeLessThanOrEqual(30 * 60_000);

    expect((await support.get('/api/users')).statusCode).toBe(200);
    const write = await support.post('/api/users', {
      email: 'x@example.test',
      name: 'X',
      roles: ['staff'],
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('READ_ONLY_SESSION');

    // Single use: the same token cannot open a second session.
    const replay = await new HostClient(h.app, `${school.slug}.localhost`).post(
      '/api/auth/impersonation/accept',
      {
        token: tokenOf(url),
      },
    );
    expect(replay.statusCode).toBe(422);

    // The school's admins see it in their audit log, attributed to the operator.
    const adminClient = new HostClient(h.app, `${school.slug}.localhost`);
    await adminClient.signIn(admin.email);
    const audit = await adminClient.get('/api/audit-events?action=auth.impersonation_started');
    const event = audit.json().items[0];
    expect(event.actorOperatorId).toBeTruthy();
    expect(event.after).toMatchObject({
      operatorEmail,
      reason: 'Ticket 4711: grades page shows an error',
      readOnly: true,
    });

    const ended = await support.post('/api/auth/impersonation/end');
    expect(ended.statusCode).toBe(204);
    expect((await support.get('/api/me')).statusCode).toBe(401);

    const platformAudit = await ops.get('/api/platform-audit-events');
    const actions = platformAudit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'impersonation.granted',
        'impersonation.session_opened',
        'impersonation.session_ended',
      ]),
    );
  });

  it('attributes writes to the operator when read-write was granted', async () => {
    const started = await impersonate({
      reason: 'Requested by the head: add a staff account',
      readOnly: false,
      minutes: 5,
    });
    const support = new HostClient(h.app, `${school.slug}.localhost`);
    await support.post('/api/auth/impersonation/accept', { token: tokenOf(started.json().url) });
    const created = await support.post('/api/users', {
      email: 'by-operator@example.test',
      name: 'By Operator',
      roles: ['staff'],
    });
    expect(created.statusCode).toBe(201);
    const rows = await t.owner.query<{
      actor_operator_id: string | null;
      actor_user_id: string | null;
    }>(
      `select actor_operator_id, actor_user_id from audit_events where school_id = $1 and action = 'user.invited' and entity_id = $2`,
      [school.id, created.json().id],
    );
    expect(rows[0]?.actor_operator_id).toBeTruthy();
    expect(rows[0]?.actor_user_id).toBeNull();
  });

  it('expires: an unused grant after 60 seconds, a session at its end', async () => {
    const started = await impersonate({ reason: 'Checking a reported login problem' });
    await t.owner.query(`update impersonation_grants set expires_at = now() - interval '1 second'`);
    const late = await new HostClient(h.app, `${school.slug}.localhost`).post(
      '/api/auth/impersonation/accept',
      {
        token: tokenOf(started.json().url),
      },
    );
    expect(late.statusCode).toBe(422);

    const fresh = await impersonate({ reason: 'Checking a reported login problem', minutes: 1 });
    const support = new HostClient(h.app, `${school.slug}.localhost`);
    await support.post('/api/auth/impersonation/accept', { token: tokenOf(fresh.json().url) });
    await t.owner.query(
      `update sessions set expires_at = now() - interval '1 second' where impersonated_by is not null`,
    );
    const replay = await createTestApp(t.db);
    try {
      const again = new HostClient(replay.app, `${school.slug}.localhost`);
      again.cookie = support.cookie;
      expect((await again.get('/api/me')).statusCode).toBe(401);
    } finally {
      await replay.close();
    }
  });

  it("cannot use one school's grant on another school's host", async () => {
    const started = await impersonate({ reason: 'Support request from the office' });
    const res = await new HostClient(h.app, `${other.slug}.localhost`).post(
      '/api/auth/impersonation/accept',
      {
        token: tokenOf(started.json().url),
      },
    );
    expect(res.statusCode).toBe(422);
  });

  it('lets an operator into a suspended school, and no one else', async () => {
    const suspended = await createSchool(t.db, { status: 'suspended' });
    const started = await impersonate(
      { reason: 'Reviewing the account before reactivation' },
      suspended,
    );
    const support = new HostClient(h.app, `${suspended.slug}.localhost`);
    const accepted = await support.post('/api/auth/impersonation/accept', {
      token: tokenOf(started.json().url),
    });
    expect(accepted.statusCode).toBe(200);
    expect((await support.get('/api/users')).statusCode).toBe(200);
    const member = await createUser(t.db, suspended.id, { roles: ['admin'] });
    const c = new HostClient(h.app, `${suspended.slug}.localhost`);
    expect((await c.signIn(member.email)).statusCode).toBe(423);
    expect((await c.get('/api/school')).statusCode).toBe(423);
  });
});
