import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  ApiError,
  apiRequest,
  buildUrl,
  NETWORK_ERROR,
  parseRetryAfter,
  toApiError,
  UNEXPECTED_RESPONSE,
} from './api-client';

describe('toApiError', () => {
  it('reads the code, message and field details of an error body', () => {
    const error = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        details: [{ field: 'email', code: 'format', message: 'must match format "email"' }],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid.',
      details: [{ field: 'email', code: 'format', message: 'must match format "email"' }],
      retryAfter: null,
    });
  });

  it('keeps the wait from Retry-After on a rate-limited answer', () => {
    const error = toApiError(429, { error: { code: 'RATE_LIMITED', message: 'Slow down' } }, '120');
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfter).toBe(120);
  });

  it('drops details that are not objects with a message and fills missing parts', () => {
    const error = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Bad',
        details: ['oops', null, { field: 'name' }, { message: 'is invalid' }],
      },
    });
    expect(error.details).toEqual([{ field: '', code: '', message: 'is invalid' }]);
  });

  it.each([
    { body: undefined, why: 'there is no body' },
    { body: '<html>Bad gateway</html>', why: 'the body is not JSON' },
    { body: { message: 'nope' }, why: 'there is no error object' },
    { body: { error: { message: 'no code' } }, why: 'the error has no code' },
  ])('reports an unexpected response when $why', ({ body }) => {
    const error = toApiError(502, body);
    expect(error.status).toBe(502);
    expect(error.code).toBe(UNEXPECTED_RESPONSE);
    expect(error.details).toEqual([]);
  });
});

describe('parseRetryAfter', () => {
  it('reads a number of seconds', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });

  it('reads an HTTP date as the seconds left until then', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '-5', '1.5'])('gives null for %s', (value) => {
    expect(parseRetryAfter(value)).toBeNull();
  });
});

describe('buildUrl', () => {
  it('leaves out empty, null and undefined values and encodes the rest', () => {
    expect(
      buildUrl('/api/users', {
        q: 'ann & bo',
        role: undefined,
        status: '',
        cursor: null,
        limit: 50,
      }),
    ).toBe('/api/users?q=ann+%26+bo&limit=50');
  });

  it('returns the bare path when nothing is set', () => {
    expect(buildUrl('/api/roles')).toBe('/api/roles');
    expect(buildUrl('/api/roles', { q: '' })).toBe('/api/roles');
  });
});

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubFetch(response: Response) {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('sends a POST without a body with neither a body nor a content type', async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await expect(apiRequest('/api/auth/sign-out', { method: 'POST' })).resolves.toBeUndefined();
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/sign-out');
    expect(init?.body).toBeUndefined();
    expect(init?.headers).not.toHaveProperty('content-type');
    expect(init?.credentials).toBe('same-origin');
  });

  it('sends a JSON body with its content type and returns the JSON answer', async () => {
    const fetchMock = stubFetch(
      Response.json({ id: 'u1' }, { status: 201, headers: { 'content-type': 'application/json' } }),
    );
    await expect(
      apiRequest('/api/users', { method: 'POST', body: { email: 'a@b.c' } }),
    ).resolves.toEqual({ id: 'u1' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(init?.body).toBe('{"email":"a@b.c"}');
  });

  it('throws an ApiError with the Retry-After wait', async () => {
    stubFetch(
      Response.json(
        { error: { code: 'RATE_LIMITED', message: 'Too many' } },
        { status: 429, headers: { 'retry-after': '90' } },
      ),
    );
    await expect(
      apiRequest('/api/auth/sign-in', { method: 'POST', body: {} }),
    ).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 90 });
  });

  it('reports a network failure as an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('offline')));
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });
});
