import { describe, expect, it } from 'vitest';

import { cellEntries, gridDays, isoWeekday, timeRange, weekdayName } from './week-grid';

describe('the week grid', () => {
  it('shows every weekday a period runs on, in order', () => {
    expect(gridDays([{ days: [5, 1, 2] }, { days: [3, 4, 1] }])).toEqual([1, 2, 3, 4, 5]);
    expect(gridDays([{ days: [1] }], [{ day: 6 }])).toEqual([1, 6]);
    expect(gridDays([])).toEqual([]);
  });

  it('puts each entry in its day and period', () => {
    const entries = [
      { id: 'a', day: 1, period: { id: 'p1' } },
      { id: 'b', day: 1, period: { id: 'p2' } },
      { id: 'c', day: 2, period: { id: 'p1' } },
    ];
    expect(cellEntries(entries, 1, 'p1').map((e) => e.id)).toEqual(['a']);
    expect(cellEntries(entries, 3, 'p1')).toEqual([]);
  });

  it('names weekdays in the reader’s language', () => {
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'en', 'short')).toBe('Sun');
    expect(weekdayName(5, 'ar')).toMatch(/[\u0600-\u06ff]/);
  });

  it('finds the weekday of a date and keeps times left to right', () => {
    expect(isoWeekday('2024-09-02')).toBe(1);
    expect(isoWeekday('2024-09-01')).toBe(7);
    expect(timeRange('08:00', '08:45')).toBe('\u206608:00–08:45\u2069');
  });
});
