import { describe, expect, it } from 'vitest';
import { attendanceSummary } from './report-card-builder.js';

const row = (kind: string, status: string, count: number) => ({
  studentId: 's',
  kind,
  status,
  count,
});

describe('attendance summary', () => {
  it('counts daily marks when there are any, and rates present and late', () => {
    expect(
      attendanceSummary([
        row('daily', 'present', 17),
        row('daily', 'late', 2),
        row('daily', 'absent', 1),
        row('class', 'absent', 5),
      ]),
    ).toEqual({ present: 17, absent: 1, late: 2, excused: 0, total: 20, ratePercent: 95 });
  });

  it('falls back to class-register marks, rounding the rate to two decimals', () => {
    expect(
      attendanceSummary([
        row('class', 'present', 1),
        row('class', 'excused', 1),
        row('class', 'absent', 1),
      ]),
    ).toEqual({ present: 1, absent: 1, late: 0, excused: 1, total: 3, ratePercent: 33.33 });
  });

  it('has no rate without marks', () => {
    expect(attendanceSummary([])).toEqual({
      present: 0,
      absent: 0,
      late: 0,
      excused: 0,
      total: 0,
      ratePercent: null,
    });
  });
});
