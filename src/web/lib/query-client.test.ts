import { describe, expect, it } from 'vitest';

import { ApiError } from './api-client';
import { isSessionLost, shouldRetry } from './query-client';

const error = (status: number, code: string) => new ApiError({ status, code, message: '' });

describe('shouldRetry', () => {
  it('never retries client errors, which would only fail again', () => {
    expect(shouldRetry(0, error(401, 'UNAUTHENTICATED'))).toBe(false);
    expect(shouldRetry(0, error(404, 'NOT_FOUND'))).toBe(false);
    expect(shouldRetry(0, error(429, 'RATE_LIMITED'))).toBe(false);
  });

  it('retries server and network failures twice', () => {
    expect(shouldRetry(0, error(503, 'SERVICE_UNAVAILABLE'))).toBe(true);
    expect(shouldRetry(1, error(0, 'NETWORK_ERROR'))).toBe(true);
    expect(shouldRetry(2, error(500, 'INTERNAL_ERROR'))).toBe(false);
  });
});

describe('isSessionLost', () => {
  it('is true only for a 401 that says the session is missing', () => {
    expect(isSessionLost(error(401, 'UNAUTHENTICATED'))).toBe(true);
    expect(isSessionLost(error(401, 'INVALID_CREDENTIALS'))).toBe(false);
    expect(isSessionLost(error(401, 'TOTP_REQUIRED'))).toBe(false);
    expect(isSessionLost(error(403, 'FORBIDDEN'))).toBe(false);
    expect(isSessionLost(new Error('x'))).toBe(false);
  });
});
