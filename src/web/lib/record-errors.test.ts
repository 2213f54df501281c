import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';

import { ApiError } from './api-client';
import { recordDetailMessage, recordErrorMessage, recordExplanation } from './record-errors';

// A stand-in for i18next that shows which key was asked for.
const t = ((key: string) => `<${key}>`) as unknown as TFunction;

describe('recordErrorMessage', () => {
  it('translates the codes of the records screens and falls back to the shared ones', () => {
    const inUse = new ApiError({ status: 409, code: 'IN_USE', message: '' });
    const forbidden = new ApiError({ status: 403, code: 'FORBIDDEN', message: '' });
    expect(recordErrorMessage(t, inUse)).toBe('<apiErrors.IN_USE>');
    expect(recordErrorMessage(t, forbidden)).toBe('<apiErrors.FORBIDDEN>');
  });
});

describe('recordExplanation', () => {
  it('shows what still uses a record, without repeating what the message already says', () => {
    const error = new ApiError({
      status: 409,
      code: 'IN_USE',
      message: 'This grade level is still used by 2 sections; remove or move them first.',
      details: [
        { field: 'sections', code: 'in_use', message: '2 sections' },
        { field: 'id', code: 'in_use', message: 'It has 40 students.' },
      ],
    });
    expect(recordExplanation(error)).toEqual([
      'This grade level is still used by 2 sections; remove or move them first.',
      'It has 40 students.',
    ]);
  });

  it('adds nothing for refusals the translated sentence covers', () => {
    expect(
      recordExplanation(new ApiError({ status: 404, code: 'NOT_FOUND', message: 'x' })),
    ).toEqual([]);
  });
});

describe('recordDetailMessage', () => {
  it('words the field codes of the records APIs', () => {
    expect(recordDetailMessage(t, { field: 'code', code: 'taken', message: 'is taken' })).toBe(
      '<records.fieldErrors.taken>',
    );
    expect(recordDetailMessage(t, { field: 'name', code: 'required', message: '' })).toBe(
      '<validation.required>',
    );
  });
});
