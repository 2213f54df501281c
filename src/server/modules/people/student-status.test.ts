import { describe, expect, it } from 'vitest';
import { STUDENT_STATUSES } from './people.table.js';
import { canTransition, STUDENT_TRANSITIONS, todayIn } from './student-status.js';

describe('student lifecycle', () => {
  it.each([
    ['applicant', 'enrolled'],
    ['applicant', 'withdrawn'],
    ['enrolled', 'suspended'],
    ['enrolled', 'graduated'],
    ['enrolled', 'transferred'],
    ['enrolled', 'withdrawn'],
    ['suspended', 'enrolled'],
    ['suspended', 'withdrawn'],
    ['suspended', 'transferred'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['applicant', 'graduated'],
    ['applicant', 'suspended'],
    ['applicant', 'transferred'],
    ['enrolled', 'applicant'],
    ['enrolled', 'enrolled'],
    ['suspended', 'graduated'],
    ['suspended', 'applicant'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it.each(['graduated', 'transferred', 'withdrawn'] as const)('treats %s as final', (from) => {
    for (const to of STUDENT_STATUSES) expect(canTransition(from, to)).toBe(false);
  });

  it('names every status in the transition table', () => {
    expect(Object.keys(STUDENT_TRANSITIONS).sort()).toEqual([...STUDENT_STATUSES].sort());
  });
});

describe('todayIn', () => {
  it('gives the calendar date of the school, not of the server', () => {
    const instant = new Date('2025-03-01T22:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2025-03-01');
    expect(todayIn('Asia/Dubai', instant)).toBe('2025-03-02');
    expect(todayIn('America/New_York', instant)).toBe('2025-03-01');
  });
});
