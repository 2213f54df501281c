import { describe, expect, it } from 'vitest';

import {
  endOfDayIso,
  formatDateTime,
  formatMinutes,
  formatTime,
  isolateLtr,
  minutesToWait,
  startOfDayIso,
} from './format';

describe('formatTime', () => {
  it('shows the time in the time zone it is given', () => {
    expect(formatTime('2025-03-01T10:05:00Z', 'en', 'Asia/Riyadh')).toMatch(/13:05|01:05\sPM/);
    expect(formatTime('2025-03-01T10:05:00Z', 'en', 'UTC')).toMatch(/10:05/);
  });

  it('falls back to the browser zone for an unknown zone instead of throwing', () => {
    expect(() => formatTime('2025-03-01T10:05:00Z', 'en', 'Mars/Olympus')).not.toThrow();
  });

  it('returns text it cannot read as a date unchanged', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('formatMinutes', () => {
  it('uses the plural rules of the language', () => {
    expect(formatMinutes(1, 'en')).toBe('1 minute');
    expect(formatMinutes(5, 'en')).toBe('5 minutes');
    expect(formatMinutes(5, 'ar')).toMatch(/دقائق/);
  });
});

describe('minutesToWait', () => {
  it('rounds up to whole minutes and never says zero', () => {
    expect(minutesToWait(0)).toBe(1);
    expect(minutesToWait(59)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(900)).toBe(15);
  });
});

describe('day boundaries', () => {
  it('spans the whole calendar day in local time', () => {
    const start = startOfDayIso('2025-03-01');
    const end = endOfDayIso('2025-03-01');
    expect(start).toBeDefined();
    expect(end).toBeDefined();
    expect(Date.parse(end ?? '') - Date.parse(start ?? '')).toBe(24 * 60 * 60 * 1000 - 1);
    expect(new Date(start ?? '').getDate()).toBe(1);
    expect(new Date(end ?? '').getDate()).toBe(1);
  });

  it.each(['', '2025-02-30', '01/03/2025', '2025-3-1'])('ignores "%s"', (day) => {
    expect(startOfDayIso(day)).toBeUndefined();
    expect(endOfDayIso(day)).toBeUndefined();
  });
});

describe('isolateLtr', () => {
  it('leaves a value alone in a left-to-right language', () => {
    expect(isolateLtr('greenwood.localhost:3000', 'en')).toBe('greenwood.localhost:3000');
  });

  it('isolates it as left-to-right text in Arabic', () => {
    expect(isolateLtr('greenwood.localhost:3000', 'ar')).toBe(
      '\u2066greenwood.localhost:3000\u2069',
    );
  });
});
