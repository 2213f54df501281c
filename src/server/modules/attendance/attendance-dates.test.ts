import { describe, expect, it } from 'vitest';
import { addDays, atSchoolTime, isoWeekday } from '../enrollment/school-date.js';
import { endOfNextDay, windowOpensOn } from './attendance-dates.js';

const startOfDayIn = (day: string, timeZone: string) => atSchoolTime(day, '00:00', timeZone);

describe('attendance dates', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('numbers weekdays as the timetable does (Monday 1 … Sunday 7)', () => {
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(isoWeekday('2026-03-15')).toBe(7);
  });

  it('opens the window today with 0 days and yesterday with 1', () => {
    expect(windowOpensOn('2026-03-09', 0)).toBe('2026-03-09');
    expect(windowOpensOn('2026-03-09', 1)).toBe('2026-03-08');
  });

  it("finds the start of a day on the school's clock", () => {
    expect(startOfDayIn('2026-03-10', 'UTC').toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(startOfDayIn('2026-03-10', 'Asia/Riyadh').toISOString()).toBe(
      '2026-03-09T21:00:00.000Z',
    );
    // New York moves its clocks on 2026-03-08: the day starts at UTC-5, the next at UTC-4.
    expect(startOfDayIn('2026-03-08', 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(startOfDayIn('2026-03-09', 'America/New_York').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    expect(startOfDayIn('2026-03-10', 'Mars/Olympus_Mons').toISOString()).toBe(
      '2026-03-10T00:00:00.000Z',
    );
  });

  it('lets an unlock run to the end of the next school day by default', () => {
    expect(endOfNextDay('2026-03-09', 'Asia/Riyadh').toISOString()).toBe(
      '2026-03-10T21:00:00.000Z',
    );
  });
});
