import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import { createTestApp, testConfig, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { httpGet } from '../../../test/http-client.js';
import type { SchoolRow } from '../../modules/schools/schools.repository.js';

let t: TestDatabase;
let h: TestApp;
let school: SchoolRow;
let host: string;

const EchoBody = Type.Object(
  { name: Type.String({ minLength: 1 }), count: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db, {
    config: testConfig({ BODY_LIMIT_BYTES: '2048', NOT_FOUND_RATE_LIMIT_PER_MINUTE: '5' }),
    beforeReady(app) {
      // A stand-in for any JSON endpoint, to exercise the shared body handling.
      app.post(
        '/api/test-echo',
        { config: { hostKinds: ['tenant'], access: 'public' }, schema: { body: EchoBody } },
        async (request) => request.body,
      );
    },
  });
  school = await createSchool(t.db);
  host = `${school.slug}.localhost`;
});
afterAll(async () => {
  await h.close();
  await t.close();
});

const post = (payload: string, contentType = 'application/json') =>
  h.app.inject({
    method: 'POST',
    url: '/api/test-echo',
    headers: { host, 'content-type': contentType, origin: `http://${host}` },
    payload,
  });

describe('security headers', () => {
  it('sends a strict CSP, no framing, nosniff and a referrer policy', async () => {
    const res = await h.app.inject({ url: '/', headers: { host, accept: 'text/html' } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('puts the style nonce of the CSP into the page', async () => {
    const res = await h.app.inject({ url: '/', headers: { host, accept: 'text/html' } });
    const nonce = /style-src [^;]*'nonce-([^']+)'/.exec(
      String(res.headers['content-security-policy']),
    )?.[1];
    expect(nonce).toBeTruthy();
    expect(res.body).toContain(`content="${nonce}"`);
  });

  it('sends HSTS only when served over HTTPS', async () => {
    const plain = await h.app.inject({ url: '/api/school', headers: { host } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await createTestApp(t.db, { config: testConfig({ PUBLIC_SCHEME: 'https' }) });
    try {
      const res = await secure.app.inject({ url: '/api/school', headers: { host } });
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await secure.close();
    }
  });

  it('gives every response a request id and never caches the API', async () => {
    const api = await h.app.inject({ url: '/api/school', headers: { host } });
    expect(api.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.headers['cache-control']).toBe('no-store');
    const missing = await h.app.inject({
      url: '/api/school',
      headers: { host: 'nowhere-at-all.localhost' },
    });
    expect(missing.headers['x-request-id']).toBeTruthy();
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('does not take a request id from an untrusted client', async () => {
    const res = await h.app.inject({
      url: '/api/school',
      headers: { host, 'x-request-id': 'attacker-chosen-id' },
    });
    expect(res.headers['x-request-id']).not.toBe('attacker-chosen-id');
  });
});

describe('bad input gets a clear error with a stable code', () => {
  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ name: 'Ada', count: 2 }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'Ada', count: 2 });
  });

  it('refuses malformed JSON', async () => {
    const res = await post('{"name": "Ada",');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_JSON');
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const res = await post(JSON.stringify({ name: 'Ada', count: 1, isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'isAdmin', code: 'additionalProperties', message: 'is not a known field' },
      ],
    });
  });

  it('refuses wrong types without coercing them', async () => {
    const res = await post(JSON.stringify({ name: 'Ada', count: '3' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'count', code: 'type' }),
    ]);
  });

  it('lists every invalid field at once', async () => {
    const res = await post(JSON.stringify({ name: '', count: -1 }));
    const fields = res
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['count', 'name']);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(4096), count: 1 }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an unsupported content type with 415', async () => {
    const res = await post('name=Ada', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('missing resources', () => {
  it('answers unknown API paths with 404 ROUTE_NOT_FOUND and rate-limits repeated misses', async () => {
    const address = '10.9.8.7';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await h.app.inject({
        url: `/api/nothing-${i}`,
        headers: { host },
        remoteAddress: address,
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const other = await h.app.inject({
      url: '/api/nothing',
      headers: { host },
      remoteAddress: '10.9.8.8',
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('operations endpoints', () => {
  it('reports liveness and readiness', async () => {
    expect(
      (await h.app.inject({ url: '/healthz', headers: { host: 'localhost' } })).json(),
    ).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ url: '/readyz', headers: { host: 'localhost' } });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
  });

  it('exposes request, tenant cache and pool metrics', async () => {
    await h.app.inject({ url: '/api/school', headers: { host } });
    const res = await h.app.inject({ url: '/metrics', headers: { host: '127.0.0.1' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/api\/school",status="200"/);
    expect(res.body).toContain('tenant_cache_lookups_total');
    expect(res.body).toContain('db_pool_connections_total');
  });

  it('guards metrics with a token when one is configured', async () => {
    const guarded = await createTestApp(t.db, {
      config: testConfig({ METRICS_TOKEN: 'metrics-token-0123456789' }),
    });
    try {
      expect(
        (await guarded.app.inject({ url: '/metrics', headers: { host: '127.0.0.1' } })).statusCode,
      ).toBe(401);
      const ok = await guarded.app.inject({
        url: '/metrics',
        headers: { host: '127.0.0.1', authorization: 'Bearer metrics-token-0123456789' },
      });
      expect(ok.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('publishes the API description at /api/openapi.json', async () => {
    const res = await h.app.inject({ url: '/api/openapi.json', headers: { host } });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
    expect(Object.keys(res.json().paths)).toContain('/api/school');
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests and refuses new ones while closing', async () => {
    let entered: () => void = () => undefined;
    const handlerEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const local = await createTestApp(t.db, {
      beforeReady(app) {
        app.get(
          '/api/test-slow',
          { config: { hostKinds: ['tenant'], access: 'public' } },
          async () => {
            entered();
            await new Promise((resolve) => setTimeout(resolve, 300));
            return { done: true };
          },
        );
      },
    });
    const address = await local.app.listen({ port: 0, host: '127.0.0.1' });
    const inflight = httpGet(address, '/api/test-slow', { host }).then((r) => ({
      status: r.status,
      body: JSON.parse(r.body) as unknown,
    }));
    // Close only once the request is being handled, so it is truly in flight.
    await handlerEntered;
    const closing = local.close();
    const result = await inflight;
    expect(result).toEqual({ status: 200, body: { done: true } });
    await closing;
    await expect(httpGet(address, '/healthz', { host })).rejects.toThrow(/ECONNREFUSED/);
  });
});
