import { describe, expect, it } from 'vitest';
import { schoolToday } from './school-date.js';

describe('schoolToday', () => {
  const lateUtcEvening = new Date('2026-03-09T22:30:00Z');

  it('gives the date in the school time zone, not the server one', () => {
    expect(schoolToday('UTC', lateUtcEvening)).toBe('2026-03-09');
    expect(schoolToday('Asia/Riyadh', lateUtcEvening)).toBe('2026-03-10');
    expect(schoolToday('America/New_York', lateUtcEvening)).toBe('2026-03-09');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(schoolToday('Mars/Olympus_Mons', lateUtcEvening)).toBe('2026-03-09');
  });
});
