import { describe, expect, it } from 'vitest';

import { addDays, isCalendarDate, lastDays } from './portal-dates';

describe('addDays', () => {
  it('moves across months, years and leap days', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('refuses text that is not a date', () => {
    expect(() => addDays('soon', 1)).toThrow();
  });
});

describe('lastDays', () => {
  it('covers thirty days ending today, as the attendance reports do', () => {
    expect(lastDays('2025-10-30', 30)).toEqual({ from: '2025-10-01', to: '2025-10-30' });
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-1')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});
