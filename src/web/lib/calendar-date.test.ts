import { describe, expect, it } from 'vitest';

import { formatCalendarDate, todayIn } from './calendar-date';

describe('formatCalendarDate', () => {
  it('shows the day itself, whatever the zone of the reader', () => {
    expect(formatCalendarDate('2025-09-01', 'en')).toBe('Sep 1, 2025');
  });

  it('leaves text that is not a calendar date as it is', () => {
    expect(formatCalendarDate('soon', 'en')).toBe('soon');
  });
});

describe('todayIn', () => {
  it("gives the day on the school's clock", () => {
    const now = new Date('2025-03-01T02:00:00Z');
    expect(todayIn('UTC', now)).toBe('2025-03-01');
    expect(todayIn('America/New_York', now)).toBe('2025-02-28');
  });

  it("falls back to the browser's clock for a zone it does not know", () => {
    expect(todayIn('Not/A_Zone', new Date('2025-06-15T12:00:00Z'))).toMatch(/^2025-06-1[456]$/);
  });
});
