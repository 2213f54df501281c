import { describe, expect, it } from 'vitest';

import { defaultTermId } from './term-choice';

const terms = [
  { id: 't1', startsOn: '2025-09-01', endsOn: '2025-12-20' },
  { id: 't2', startsOn: '2026-01-05', endsOn: '2026-04-01' },
  { id: 't3', startsOn: '2026-04-20', endsOn: '2026-07-01' },
];

describe('the term a screen opens on', () => {
  it('is the term running today', () => {
    expect(defaultTermId(terms, '2026-02-10')).toBe('t2');
  });

  it('is the latest started term between terms', () => {
    expect(defaultTermId(terms, '2026-04-10')).toBe('t2');
  });

  it('is the first term before any has started, and nothing without terms', () => {
    expect(defaultTermId(terms, '2025-01-01')).toBe('t1');
    expect(defaultTermId([], '2025-01-01')).toBe('');
  });
});
