import { describe, expect, it } from 'vitest';
import {
  outsideYearProblems,
  overlapProblems,
  overlaps,
  rangeProblems,
  strandedTermProblems,
} from './calendar.rules.js';

const year = { name: '2030/31', startsOn: '2030-09-01', endsOn: '2031-06-30' };

describe('calendar rules', () => {
  it('counts both ends of a range as days of it', () => {
    const autumn = { startsOn: '2030-09-01', endsOn: '2030-12-20' };
    expect(overlaps(autumn, { startsOn: '2030-12-20', endsOn: '2031-03-01' })).toBe(true);
    expect(overlaps(autumn, { startsOn: '2030-12-21', endsOn: '2031-03-01' })).toBe(false);
    expect(overlaps(autumn, { startsOn: '2030-10-01', endsOn: '2030-10-02' })).toBe(true);
    expect(overlaps(autumn, { startsOn: '2030-01-01', endsOn: '2031-01-01' })).toBe(true);
  });

  it('wants a range to end after it starts', () => {
    expect(rangeProblems({ startsOn: '2030-09-01', endsOn: '2030-09-02' })).toEqual([]);
    expect(rangeProblems({ startsOn: '2030-09-01', endsOn: '2030-09-01' })).toEqual([
      expect.objectContaining({ field: 'endsOn', code: 'before_start' }),
    ]);
  });

  it('names each end of a term that leaves its year', () => {
    expect(outsideYearProblems({ startsOn: '2030-09-01', endsOn: '2031-06-30' }, year)).toEqual([]);
    const both = outsideYearProblems({ startsOn: '2030-08-31', endsOn: '2031-07-01' }, year);
    expect(both.map((p) => p.field)).toEqual(['startsOn', 'endsOn']);
    expect(both[0]?.message).toContain('2030-09-01');
  });

  it('names every term a new one would overlap', () => {
    const others = [
      { name: 'Autumn', startsOn: '2030-09-01', endsOn: '2030-12-20' },
      { name: 'Spring', startsOn: '2031-01-05', endsOn: '2031-03-30' },
      { name: 'Summer', startsOn: '2031-04-10', endsOn: '2031-06-30' },
    ];
    const problems = overlapProblems({ startsOn: '2030-12-01', endsOn: '2031-01-10' }, others);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('Autumn'),
      expect.stringContaining('Spring'),
    ]);
    expect(overlapProblems({ startsOn: '2031-03-31', endsOn: '2031-04-09' }, others)).toEqual([]);
  });

  it('finds the terms a shorter year would leave outside', () => {
    const terms = [
      { name: 'Autumn', startsOn: '2030-09-01', endsOn: '2030-12-20' },
      { name: 'Summer', startsOn: '2031-04-10', endsOn: '2031-06-30' },
    ];
    expect(strandedTermProblems(year, terms)).toEqual([]);
    const stranded = strandedTermProblems({ startsOn: '2030-09-01', endsOn: '2031-05-31' }, terms);
    expect(stranded).toEqual([expect.objectContaining({ field: 'endsOn', code: 'term_outside' })]);
    expect(stranded[0]?.message).toContain('Summer');
  });
});
