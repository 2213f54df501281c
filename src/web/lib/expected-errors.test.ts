import { describe, expect, it } from 'vitest';

import { ApiError } from './api-client';
import { isExpectedError } from './expected-errors';

describe('isExpectedError', () => {
  it('treats API answers in the 4xx range and forbidden pages as expected', () => {
    expect(
      isExpectedError(new ApiError({ status: 404, code: 'USER_NOT_FOUND', message: '' })),
    ).toBe(true);
    const forbidden = new Error('not in navigation');
    forbidden.name = 'ForbiddenPageError';
    expect(isExpectedError(forbidden)).toBe(true);
  });

  it('keeps server failures and programming errors', () => {
    expect(
      isExpectedError(new ApiError({ status: 500, code: 'INTERNAL_ERROR', message: '' })),
    ).toBe(false);
    expect(isExpectedError(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' }))).toBe(
      false,
    );
    expect(isExpectedError(new TypeError('x is undefined'))).toBe(false);
    expect(isExpectedError('boom')).toBe(false);
  });
});
