import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient, TEST_PASSWORD, tokenFromText } from '../../../test/identity.js';
import { createTestApp, testConfig, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { SchoolRow } from '../schools/schools.repository.js';

let t: TestDatabase;
let h: TestApp;
let a: SchoolRow;
let b: SchoolRow;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db, {
    config: testConfig({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_IP_PER_MINUTE: '1000' }),
  });
  a = await createSchool(t.db);
  b = await createSchool(t.db);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

const client = (school: SchoolRow, ip?: string) =>
  new HostClient(h.app, `${school.slug}.localhost`, ip);

async function latestMail(schoolId: string, to: string): Promise<string> {
  const rows = await t.owner.query<{ body_text: string }>(
    'select body_text from mail_outbox where school_id = $1 and to_address = $2 order by created_at desc, id desc limit 1',
    [schoolId, to],
  );
  if (!rows[0]) throw new Error(`no mail to ${to}`);
  return rows[0].body_text;
}

describe('signing in and out', () => {
  it('signs in with a host-only, HttpOnly, SameSite=Lax cookie and signs out', async () => {
    const user = await createUser(t.db, a.id, { roles: ['teacher'], name: 'Tess Teacher' });
    const c = client(a);
    const res = await c.signIn(user.email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { id: user.id, email: user.email, name: 'Tess Teacher' },
      roles: ['teacher'],
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^sh_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).not.toContain(TEST_PASSWORD);

    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().locale).toBe('en');
    expect(me.json().impersonation).toBeNull();

    const out = await c.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect(c.cookie).toBeNull();
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const user = await createUser(t.db, a.id);
    const c = client(a);
    await c.signIn(user.email);
    const token = decodeURIComponent((c.cookie ?? '').split('=')[1] ?? '');
    const rows = await t.owner.query<{ token_hash: string }>(
      'select token_hash from sessions where user_id = $1',
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(token);
  });

  it('issues a new token at every sign-in', async () => {
    const user = await createUser(t.db, a.id);
    const first = client(a);
    const second = client(a);
    await first.signIn(user.email);
    await second.signIn(user.email);
    expect(first.cookie).not.toBe(second.cookie);
    expect((await first.get('/api/me')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await createUser(t.db, a.id);
    const wrong = await client(a, '10.1.0.1').signIn(user.email, 'not the password at all');
    const unknown = await client(a, '10.1.0.1').signIn(
      'nobody-here@example.test',
      'not the password at all',
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Email or password is incorrect.',
    });
  });

  it('refuses disabled and invited accounts with the same generic answer', async () => {
    const disabled = await createUser(t.db, a.id, { status: 'disabled' });
    const invited = await createUser(t.db, a.id, { status: 'invited' });
    for (const user of [disabled, invited]) {
      const res = await client(a).signIn(user.email);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('locks an account after repeated failures, for real and unknown emails alike', async () => {
    const user = await createUser(t.db, a.id);
    for (const email of [user.email, 'ghost-account@example.test']) {
      for (let i = 0; i < 3; i++) {
        expect((await client(a).signIn(email, 'wrong password here')).statusCode).toBe(401);
      }
      const locked = await client(a).signIn(
        email,
        email === user.email ? TEST_PASSWORD : 'anything',
      );
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('RATE_LIMITED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    // The lock is per school: the same email elsewhere is unaffected.
    const elsewhere = await createUser(t.db, b.id, { email: user.email });
    expect((await client(b).signIn(elsewhere.email)).statusCode).toBe(200);
  });

  it('grows the lockout with each further failure', async () => {
    const guard = h.app.services.signInGuard;
    const email = `grow-${Date.now()}@example.test`;
    for (let i = 0; i < 3; i++) await guard.recordFailure(a.id, email);
    const first = await guard
      .beforeAttempt(a.id, email, '10.2.0.1')
      .catch((e: { headers: Record<string, string> }) => e);
    await guard.recordFailure(a.id, email);
    const second = await guard
      .beforeAttempt(a.id, email, '10.2.0.1')
      .catch((e: { headers: Record<string, string> }) => e);
    const wait = (e: unknown) =>
      Number((e as { headers: Record<string, string> }).headers['retry-after']);
    expect(wait(first)).toBeGreaterThan(0);
    expect(wait(second)).toBeGreaterThan(wait(first));
  });

  it('limits sign-in attempts per client address', async () => {
    const limited = await createTestApp(t.db, {
      config: testConfig({ SIGN_IN_IP_PER_MINUTE: '3' }),
    });
    try {
      const c = new HostClient(limited.app, `${a.slug}.localhost`, '10.3.0.1');
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await c.signIn(`someone${i}@example.test`, 'whatever it is')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it("refuses a session replayed on another school's host, as if absent", async () => {
    const user = await createUser(t.db, a.id, { roles: ['admin'] });
    const onA = client(a);
    await onA.signIn(user.email);
    const onB = client(b);
    onB.cookie = onA.cookie;
    const res = await onB.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect((await onB.get('/api/users')).statusCode).toBe(401);
    expect((await onA.get('/api/me')).statusCode).toBe(200);
  });

  it('ends sessions after the idle time and after the absolute lifetime', async () => {
    const user = await createUser(t.db, a.id);
    const idle = client(a);
    await idle.signIn(user.email);
    const absolute = client(a);
    await absolute.signIn(user.email);
    const sessions = await t.owner.query<{ id: string }>(
      'select id from sessions where user_id = $1 order by created_at',
      [user.id],
    );
    await t.owner.query(
      `update sessions set last_seen_at = now() - interval '9 hours' where id = $1`,
      [sessions[0]?.id],
    );
    await t.owner.query(
      `update sessions set expires_at = now() - interval '1 minute' where id = $1`,
      [sessions[1]?.id],
    );
    // A fresh node has nothing cached, so it judges by the database rows.
    const fresh = await createTestApp(t.db);
    try {
      for (const c of [idle, absolute]) {
        const replay = new HostClient(fresh.app, c.host);
        replay.cookie = c.cookie;
        expect((await replay.get('/api/me')).statusCode).toBe(401);
      }
      const left = await t.owner.query('select id from sessions where user_id = $1', [user.id]);
      expect(left).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('same-origin writes', () => {
  it('refuses state-changing requests without the page origin', async () => {
    const user = await createUser(t.db, a.id);
    const c = client(a);
    const noOrigin = await c.request(
      'POST',
      '/api/auth/sign-in',
      { email: user.email, password: TEST_PASSWORD },
      { origin: '' },
    );
    expect(noOrigin.statusCode).toBe(403);
    expect(noOrigin.json().error.code).toBe('CROSS_ORIGIN_REQUEST');
    const foreign = await c.request(
      'POST',
      '/api/auth/sign-in',
      { email: user.email, password: TEST_PASSWORD },
      {
        origin: `http://${b.slug}.localhost`,
      },
    );
    expect(foreign.statusCode).toBe(403);
    const fetchMetadata = await c.request(
      'POST',
      '/api/auth/sign-in',
      { email: user.email, password: TEST_PASSWORD },
      {
        origin: '',
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(fetchMetadata.statusCode).toBe(200);
  });
});

describe('password changes and disabled accounts revoke sessions everywhere', () => {
  it('revokes every session on password change and keeps this browser signed in', async () => {
    const user = await createUser(t.db, a.id);
    const laptop = client(a);
    const phone = client(a);
    await laptop.signIn(user.email);
    await phone.signIn(user.email);
    const weak = await laptop.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password123',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const wrongCurrent = await laptop.post('/api/me/password', {
      currentPassword: 'nope nope nope',
      newPassword: 'a much better passphrase',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    const changed = await laptop.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a much better passphrase',
    });
    expect(changed.statusCode).toBe(204);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    expect((await client(a).signIn(user.email, 'a much better passphrase')).statusCode).toBe(200);
  });

  it('revokes the sessions of a disabled account at once', async () => {
    const admin = await createUser(t.db, a.id, { roles: ['admin'] });
    const teacher = await createUser(t.db, a.id, { roles: ['teacher'] });
    const adminClient = client(a);
    await adminClient.signIn(admin.email);
    const teacherClient = client(a);
    await teacherClient.signIn(teacher.email);
    expect((await teacherClient.get('/api/me')).statusCode).toBe(200);
    const res = await adminClient.patch(`/api/users/${teacher.id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect((await teacherClient.get('/api/me')).statusCode).toBe(401);
  });
});

describe('invitations', () => {
  it('invites, lets the invitee set a password once, and signs them in', async () => {
    const admin = await createUser(t.db, a.id, { roles: ['admin'] });
    const adminClient = client(a);
    await adminClient.signIn(admin.email);
    const email = `new-teacher-${Date.now()}@example.test`;
    const invited = await adminClient.post('/api/users', {
      email: email.toUpperCase(),
      name: 'New Teacher',
      roles: ['teacher'],
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email, status: 'invited', roles: ['teacher'] });

    const mail = await latestMail(a.id, email);
    expect(mail).toContain(`http://${a.slug}.localhost:3000/accept-invitation#token=`);
    const token = tokenFromText(mail, '/accept-invitation');

    const invitee = client(a);
    const summary = await invitee.post('/api/auth/invitations/inspect', { token });
    expect(summary.json()).toEqual({ email, name: 'New Teacher', schoolName: a.name });
    const weak = await invitee.post('/api/auth/invitations/accept', {
      token,
      password: 'qwertyuiop',
    });
    expect(weak.statusCode).toBe(422);
    const accepted = await invitee.post('/api/auth/invitations/accept', {
      token,
      password: 'my own long passphrase',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().roles).toEqual(['teacher']);
    expect((await invitee.get('/api/me')).statusCode).toBe(200);

    const again = await client(a).post('/api/auth/invitations/accept', {
      token,
      password: 'another long passphrase',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('INVALID_TOKEN');
    expect((await client(a).signIn(email, 'my own long passphrase')).statusCode).toBe(200);
  });

  it('refuses an expired invitation and a duplicate email', async () => {
    const admin = await createUser(t.db, a.id, { roles: ['admin'] });
    const adminClient = client(a);
    await adminClient.signIn(admin.email);
    const email = `late-${Date.now()}@example.test`;
    await adminClient.post('/api/users', { email, name: 'Late Person', roles: ['staff'] });
    const duplicate = await adminClient.post('/api/users', {
      email,
      name: 'Again',
      roles: ['staff'],
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('EMAIL_TAKEN');
    const token = tokenFromText(await latestMail(a.id, email), '/accept-invitation');
    await t.owner.query(
      `update user_tokens set expires_at = now() - interval '1 second' where school_id = $1`,
      [a.id],
    );
    const res = await client(a).post('/api/auth/invitations/accept', {
      token,
      password: 'my own long passphrase',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('INVALID_TOKEN');
  });

  it("does not accept one school's invitation on another school's host", async () => {
    const admin = await createUser(t.db, a.id, { roles: ['admin'] });
    const adminClient = client(a);
    await adminClient.signIn(admin.email);
    const email = `crossing-${Date.now()}@example.test`;
    await adminClient.post('/api/users', { email, name: 'Crossing', roles: ['staff'] });
    const token = tokenFromText(await latestMail(a.id, email), '/accept-invitation');
    const res = await client(b).post('/api/auth/invitations/accept', {
      token,
      password: 'my own long passphrase',
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('password reset', () => {
  it('mails a single-use link and answers unknown emails identically', async () => {
    const user = await createUser(t.db, a.id);
    const known = await client(a).post('/api/auth/password-reset', { email: user.email });
    const unknown = await client(a).post('/api/auth/password-reset', {
      email: 'nobody-at-all@example.test',
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const none = await t.owner.query('select 1 from mail_outbox where to_address = $1', [
      'nobody-at-all@example.test',
    ]);
    expect(none).toEqual([]);

    const signedIn = client(a);
    await signedIn.signIn(user.email);
    const token = tokenFromText(await latestMail(a.id, user.email), '/reset-password');
    const done = await client(a).post('/api/auth/password-reset/confirm', {
      token,
      password: 'brand new passphrase',
    });
    expect(done.statusCode).toBe(204);
    expect((await signedIn.get('/api/me')).statusCode).toBe(401);
    expect((await client(a).signIn(user.email, 'brand new passphrase')).statusCode).toBe(200);
    const reuse = await client(a).post('/api/auth/password-reset/confirm', {
      token,
      password: 'yet another passphrase',
    });
    expect(reuse.json().error.code).toBe('INVALID_TOKEN');
  });

  it('refuses an expired reset link', async () => {
    const user = await createUser(t.db, a.id);
    await client(a).post('/api/auth/password-reset', { email: user.email });
    const token = tokenFromText(await latestMail(a.id, user.email), '/reset-password');
    await t.owner.query(
      `update user_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    const res = await client(a).post('/api/auth/password-reset/confirm', {
      token,
      password: 'brand new passphrase',
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('the audit trail records sign-in events', () => {
  it('records successful and failed sign-ins', async () => {
    const user = await createUser(t.db, a.id);
    await client(a, '10.4.0.1').signIn(user.email, 'wrong wrong wrong');
    await client(a).signIn(user.email);
    const rows = await t.owner.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_events where school_id = $1 and entity_id = $2 order by at`,
      [a.id, user.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['auth.sign_in_failed', 'auth.signed_in']);
  });
});

describe('cookies under HTTPS', () => {
  it('uses the __Host- prefix and Secure', async () => {
    const secure = await createTestApp(t.db, { config: testConfig({ PUBLIC_SCHEME: 'https' }) });
    try {
      const user = await createUser(t.db, a.id);
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: {
          host: `${a.slug}.localhost`,
          origin: `https://${a.slug}.localhost`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
      });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-sh_session=/);
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('Path=/');
    } finally {
      await secure.close();
    }
  });
});
