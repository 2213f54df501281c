import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadingZeroBits, proofInput } from '../../../shared/proof-of-work.js';
import { createSchool, uniqueSlug } from '../../../test/factories.js';
import { HostClient } from '../../../test/identity.js';
import { createTestApp, testConfig, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';

let t: TestDatabase;
let h: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db, {
    config: testConfig({
      SIGNUP_POW_BITS: '8',
      SIGNUP_MIN_SECONDS: '0',
      SIGNUP_PER_IP_PER_HOUR: '1000',
      TRIAL_DAYS: '14',
    }),
  });
});
afterAll(async () => {
  await h.close();
  await t.close();
});

async function proof(c: HostClient): Promise<{ challenge: string; nonce: string }> {
  const res = await c.get('/api/signup/challenge');
  const { challenge, bits } = res.json() as { challenge: string; bits: number };
  for (let n = 0; ; n++) {
    const digest = createHash('sha256')
      .update(proofInput(challenge, String(n)))
      .digest();
    if (leadingZeroBits(digest) >= bits) return { challenge, nonce: String(n) };
  }
}

const marketing = (ip = '127.0.0.1') => new HostClient(h.app, 'localhost', ip);

function form(slug: string, extra: Record<string, unknown> = {}) {
  return {
    schoolName: 'Riverside Primary',
    slug,
    adminName: 'Rita River',
    email: `rita-${slug}@example.test`,
    password: 'a long enough passphrase',
    ...extra,
  };
}

describe('self-service sign-up', () => {
  it('creates a trial school whose admin lands signed in on the new host', async () => {
    const c = marketing();
    const slug = uniqueSlug('river');
    expect((await c.get(`/api/signup/slug-availability?slug=${slug}`)).json()).toEqual({
      slug,
      available: true,
      reason: 'available',
    });
    const res = await c.post('/api/signup', form(slug, { proof: await proof(c) }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.school.slug).toBe(slug);
    expect(new Date(body.trialEndsAt).getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);
    expect(body.signInUrl).toMatch(new RegExp(`^http://${slug}\\.localhost:3000/welcome#token=`));

    const school = new HostClient(h.app, `${slug}.localhost`);
    expect((await school.get('/api/school')).json().name).toBe('Riverside Primary');
    const token = new URL(body.signInUrl).hash.replace('#token=', '');
    const signedIn = await school.post('/api/auth/sign-in-link', { token });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().roles).toEqual(['admin']);
    expect((await school.get('/api/users')).statusCode).toBe(200);
    expect(
      (await new HostClient(h.app, `${slug}.localhost`).post('/api/auth/sign-in-link', { token }))
        .statusCode,
    ).toBe(422);

    const [row] = await t.owner.query<{ status: string; plan_id: string }>(
      'select status, plan_id from schools where slug = $1',
      [slug],
    );
    expect(row).toEqual({ status: 'trial', plan_id: 'standard' });
    const history = await t.owner.query(
      'select to_status from school_status_history s join schools on schools.id = s.owner_school_id where slug = $1',
      [slug],
    );
    expect(history).toEqual([{ to_status: 'trial' }]);
    expect((await c.get(`/api/signup/slug-availability?slug=${slug}`)).json()).toMatchObject({
      available: false,
      reason: 'taken',
    });
  });

  it('refuses reserved, malformed and taken addresses', async () => {
    const c = marketing();
    expect((await c.get('/api/signup/slug-availability?slug=admin')).json()).toMatchObject({
      available: false,
      reason: 'reserved',
    });
    expect((await c.get('/api/signup/slug-availability?slug=a--b')).json()).toMatchObject({
      available: false,
      reason: 'double_hyphen',
    });
    expect((await c.get('/api/signup/slug-availability?slug=ab')).json()).toMatchObject({
      available: false,
      reason: 'too_short',
    });
    const archived = await createSchool(t.db, {
      status: 'archived',
      name: 'Hidden Archived School',
    });
    const taken = await c.get(`/api/signup/slug-availability?slug=${archived.slug}`);
    expect(taken.json()).toEqual({ slug: archived.slug, available: false, reason: 'taken' });
    expect(taken.body).not.toContain('Hidden');

    const reserved = await c.post('/api/signup', form('support', { proof: await proof(c) }));
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().error.details[0].field).toBe('slug');
    const duplicate = await c.post('/api/signup', form(archived.slug, { proof: await proof(c) }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('SLUG_TAKEN');
  });

  it('lets exactly one of two racing sign-ups for the same address win', async () => {
    const slug = uniqueSlug('race');
    const c1 = marketing('10.8.0.1');
    const c2 = marketing('10.8.0.2');
    const [p1, p2] = await Promise.all([proof(c1), proof(c2)]);
    const results = await Promise.all([
      c1.post('/api/signup', form(slug, { proof: p1, email: 'first@example.test' })),
      c2.post('/api/signup', form(slug, { proof: p2, email: 'second@example.test' })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.owner.query('select id from schools where slug = $1', [slug]);
    expect(rows).toHaveLength(1);
    const admins = await t.owner.query<{ email: string }>(
      'select u.email from users u join schools s on s.id = u.school_id where s.slug = $1',
      [slug],
    );
    expect(admins).toHaveLength(1);
  });

  it('refuses a missing, forged, reused or too quick bot check', async () => {
    const c = marketing();
    const good = await proof(c);
    const forged = await c.post(
      '/api/signup',
      form(uniqueSlug('bot'), { proof: { challenge: `x${good.challenge}`, nonce: good.nonce } }),
    );
    expect(forged.json().error.code).toBe('BOT_CHECK_FAILED');
    let lazy = 0;
    const bitsOf = (n: number) =>
      leadingZeroBits(
        createHash('sha256')
          .update(proofInput(good.challenge, `lazy-${n}`))
          .digest(),
      );
    while (bitsOf(lazy) >= 8) lazy++;
    const noWork = await c.post(
      '/api/signup',
      form(uniqueSlug('bot'), { proof: { challenge: good.challenge, nonce: `lazy-${lazy}` } }),
    );
    expect(noWork.json().error).toMatchObject({
      code: 'BOT_CHECK_FAILED',
      message: expect.stringContaining('no proof of work'),
    });
    const first = await c.post('/api/signup', form(uniqueSlug('once'), { proof: await proof(c) }));
    expect(first.statusCode).toBe(201);
    const reusedProof = await proof(c);
    await c.post('/api/signup', form(uniqueSlug('once'), { proof: reusedProof }));
    const reused = await c.post('/api/signup', form(uniqueSlug('once'), { proof: reusedProof }));
    expect(reused.json().error.code).toBe('BOT_CHECK_FAILED');
    const missing = await c.post('/api/signup', form(uniqueSlug('bot')));
    expect(missing.statusCode).toBe(400);

    const patient = await createTestApp(t.db, {
      config: testConfig({ SIGNUP_POW_BITS: '0', SIGNUP_MIN_SECONDS: '30' }),
    });
    try {
      const p = new HostClient(patient.app, 'localhost');
      const challenge = (await p.get('/api/signup/challenge')).json().challenge as string;
      const quick = await p.post(
        '/api/signup',
        form(uniqueSlug('quick'), { proof: { challenge, nonce: '0' } }),
      );
      expect(quick.json().error.code).toBe('BOT_CHECK_FAILED');
      expect(quick.json().error.message).toContain('too quickly');
    } finally {
      await patient.close();
    }
  });

  it('limits sign-ups per client address', async () => {
    const strict = await createTestApp(t.db, {
      config: testConfig({
        SIGNUP_POW_BITS: '0',
        SIGNUP_MIN_SECONDS: '0',
        SIGNUP_PER_IP_PER_HOUR: '2',
      }),
    });
    try {
      const c = new HostClient(strict.app, 'localhost', '10.9.9.9');
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const challenge = (await c.get('/api/signup/challenge')).json().challenge as string;
        statuses.push(
          (
            await c.post(
              '/api/signup',
              form(uniqueSlug('ip'), { proof: { challenge, nonce: '0' } }),
            )
          ).statusCode,
        );
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await strict.close();
    }
  });

  it('is served on the marketing host only', async () => {
    const onSchool = new HostClient(h.app, `${(await createSchool(t.db)).slug}.localhost`);
    expect((await onSchool.get('/api/signup/challenge')).statusCode).toBe(404);
    expect(
      (await new HostClient(h.app, 'admin.localhost').get('/api/signup/challenge')).statusCode,
    ).toBe(404);
  });

  it('refuses weak passwords and writes nothing', async () => {
    const c = marketing();
    const slug = uniqueSlug('weak');
    const res = await c.post(
      '/api/signup',
      form(slug, { password: 'password12', proof: await proof(c) }),
    );
    expect(res.statusCode).toBe(422);
    expect(await t.owner.query('select 1 from schools where slug = $1', [slug])).toEqual([]);
  });
});
