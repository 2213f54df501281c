import { describe, expect, it } from 'vitest';

import { checkSpan } from './date-span';

const messages = { required: 'required', order: 'order' };

describe('checkSpan', () => {
  it('accepts a span that ends on or after its first day', () => {
    expect(checkSpan({ startsOn: '2025-09-01', endsOn: '2026-07-15' }, messages)).toEqual({});
    expect(checkSpan({ startsOn: '2025-09-01', endsOn: '2025-09-01' }, messages)).toEqual({});
  });

  it('asks for missing dates', () => {
    expect(checkSpan({ startsOn: '', endsOn: '' }, messages)).toEqual({
      startsOn: 'required',
      endsOn: 'required',
    });
  });

  it('refuses a span that ends before it starts', () => {
    expect(checkSpan({ startsOn: '2025-09-01', endsOn: '2025-08-31' }, messages)).toEqual({
      endsOn: 'order',
    });
  });
});
