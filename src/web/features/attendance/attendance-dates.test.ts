import { describe, expect, it } from 'vitest';

import { addCalendarDays } from './attendance-dates';

describe('addCalendarDays', () => {
  it('moves across months and leaves a malformed day alone', () => {
    expect(addCalendarDays('2026-03-01', -29)).toBe('2026-01-31');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('soon', 1)).toBe('soon');
  });
});
