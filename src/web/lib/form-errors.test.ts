import { describe, expect, it } from 'vitest';

import { ApiError } from './api-client';
import { splitErrorDetails } from './form-errors';

const fields = ['email', 'name', 'roles'] as const;

describe('splitErrorDetails', () => {
  it('puts each detail under the field it names, including nested paths', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid.',
      details: [
        { field: 'email', code: 'format', message: 'must match format "email"' },
        { field: 'roles.1', code: 'enum', message: 'must be a role' },
        { field: 'extra', code: 'additionalProperties', message: 'is not a known field' },
      ],
    });
    expect(splitErrorDetails(error, fields)).toEqual({
      fields: {
        email: { field: 'email', code: 'format', message: 'must match format "email"' },
        roles: { field: 'roles.1', code: 'enum', message: 'must be a role' },
      },
      other: [{ field: 'extra', code: 'additionalProperties', message: 'is not a known field' }],
    });
  });

  it('keeps the first detail when a field has several', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Bad',
      details: [
        { field: 'name', code: 'minLength', message: 'too short' },
        { field: 'name', code: 'pattern', message: 'bad pattern' },
      ],
    });
    expect(splitErrorDetails(error, fields).fields.name?.code).toBe('minLength');
  });

  it('does not take a field whose name only starts the same way', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Bad',
      details: [{ field: 'emailAlt', code: 'format', message: 'bad' }],
    });
    expect(splitErrorDetails(error, fields)).toEqual({
      fields: {},
      other: [{ field: 'emailAlt', code: 'format', message: 'bad' }],
    });
  });

  it('gives nothing for errors that are not API errors or have no details', () => {
    expect(splitErrorDetails(new Error('boom'), fields)).toEqual({ fields: {}, other: [] });
    expect(splitErrorDetails(null, fields)).toEqual({ fields: {}, other: [] });
    const conflict = new ApiError({ status: 409, code: 'EMAIL_TAKEN', message: 'Taken' });
    expect(splitErrorDetails(conflict, fields)).toEqual({ fields: {}, other: [] });
  });
});
