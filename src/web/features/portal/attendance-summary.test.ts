import { describe, expect, it } from 'vitest';

import type { AttendanceStatus, StudentAttendance } from '../../../shared/contracts/attendance.js';

import { recentNonPresentDays } from './attendance-summary';

type Mark = StudentAttendance['items'][number];

function daily(date: string, status: AttendanceStatus): Mark {
  return {
    registerId: `d-${date}`,
    date,
    kind: 'daily',
    className: null,
    sectionName: '7A',
    periodName: null,
    status,
    note: null,
  };
}

function lesson(date: string, className: string, status: AttendanceStatus, period = 'P1'): Mark {
  return {
    registerId: `c-${date}-${className}`,
    date,
    kind: 'class',
    className,
    sectionName: null,
    periodName: period,
    status,
    note: null,
  };
}

// Newest first, as the API lists them.
const marks: Mark[] = [
  daily('2025-10-09', 'present'),
  lesson('2025-10-09', 'Maths 7A', 'present'),
  lesson('2025-10-08', 'Maths 7A', 'late', 'P1'),
  lesson('2025-10-08', 'Science 7A', 'absent', 'P2'),
  daily('2025-10-08', 'present'),
  daily('2025-10-06', 'excused'),
  lesson('2025-10-06', 'Maths 7A', 'excused'),
  daily('2025-10-03', 'absent'),
  daily('2025-10-01', 'late'),
];

describe('recentNonPresentDays', () => {
  it('groups the marks of each day not fully present, newest first', () => {
    const days = recentNonPresentDays(marks, 10);
    expect(days.map((d) => d.date)).toEqual([
      '2025-10-08',
      '2025-10-06',
      '2025-10-03',
      '2025-10-01',
    ]);
  });

  it('puts the most serious status of a day first', () => {
    const [day] = recentNonPresentDays(marks, 1);
    expect(day?.statuses).toEqual(['absent', 'late']);
  });

  it('says where each mark was recorded, the daily register first', () => {
    const [, day] = recentNonPresentDays(marks, 2);
    expect(day?.marks).toEqual([
      { status: 'excused', place: { kind: 'daily' } },
      { status: 'excused', place: { kind: 'class', className: 'Maths 7A', periodName: 'P1' } },
    ]);
  });

  it('keeps only as many days as asked for', () => {
    expect(recentNonPresentDays(marks, 2)).toHaveLength(2);
    expect(recentNonPresentDays(marks, 0)).toEqual([]);
  });

  it('finds nothing for a student present at every register', () => {
    expect(recentNonPresentDays([daily('2025-10-09', 'present')])).toEqual([]);
  });
});
