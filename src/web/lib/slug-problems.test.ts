import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';

import { createI18n } from '../i18n/i18n';

import { ApiError } from './api-client';
import { slugErrorMessage, slugProblemMessage } from './slug-problems';

const t = createI18n('en').t as TFunction;

describe('slugProblemMessage', () => {
  it('names the address that is taken or reserved', () => {
    expect(slugProblemMessage(t, 'taken', 'greenwood.localhost:3000')).toContain(
      'greenwood.localhost:3000',
    );
    expect(slugProblemMessage(t, 'reserved', 'admin.localhost:3000')).toContain('reserved');
  });

  it('gives the length limits', () => {
    expect(slugProblemMessage(t, 'too_short', 'ab.localhost')).toContain('3');
    expect(slugProblemMessage(t, 'too_long', 'x.localhost')).toContain('63');
  });
});

describe('slugErrorMessage', () => {
  it('reads SLUG_TAKEN as taken', () => {
    const error = new ApiError({ status: 409, code: 'SLUG_TAKEN', message: 'taken' });
    expect(slugErrorMessage(t, error, 'oak.localhost')).toBe(
      slugProblemMessage(t, 'taken', 'oak.localhost'),
    );
  });

  it('reads the problem a 400 names for the slug', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'no',
      details: [{ field: 'slug', code: 'double_hyphen', message: 'is not available' }],
    });
    expect(slugErrorMessage(t, error, 'a--b.localhost')).toBe(
      slugProblemMessage(t, 'double_hyphen', 'a--b.localhost'),
    );
  });

  it('says nothing about other errors', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'no',
      details: [{ field: 'email', code: 'format', message: 'bad' }],
    });
    expect(slugErrorMessage(t, error, 'x.localhost')).toBeUndefined();
    expect(slugErrorMessage(t, new Error('boom'), 'x.localhost')).toBeUndefined();
  });
});
