import { describe, expect, it } from 'vitest';

import { formatNumber, formatPercent, formatWeekdayDate } from './portal-format';

describe('formatPercent', () => {
  it('writes a percentage in the reader’s language', () => {
    expect(formatPercent(92.5, 'en')).toBe('92.5%');
    expect(formatPercent(100, 'en')).toBe('100%');
    // Arabic digits or Latin ones with direction marks, depending on the engine's data.
    expect(formatPercent(92.5, 'ar')).toMatch(/^[\u200e\u061c]?(92\.5|٩٢٫٥)[\u200e\u061c]?[%٪]/);
  });
});

describe('formatNumber', () => {
  it('keeps up to two decimals', () => {
    expect(formatNumber(8, 'en')).toBe('8');
    expect(formatNumber(7.25, 'en')).toBe('7.25');
    expect(formatNumber(7.125, 'en')).toBe('7.13');
    expect(formatNumber(8, 'ar')).toMatch(/^(8|٨)$/);
  });
});

describe('formatWeekdayDate', () => {
  it('names the weekday of the calendar date itself', () => {
    expect(formatWeekdayDate('2025-10-06', 'en')).toBe('Monday, October 6');
    expect(formatWeekdayDate('2025-10-06', 'ar')).toContain('الاثنين');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatWeekdayDate('soon', 'en')).toBe('soon');
  });
});
