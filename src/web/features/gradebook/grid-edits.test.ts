import { describe, expect, it } from 'vitest';

import type { Score } from '../../../shared/contracts/gradebook.js';

import {
  cellKey,
  cellProblem,
  countChanges,
  draftFrom,
  isChanged,
  parsePoints,
  planSave,
  problemsFromDetails,
} from './grid-edits';

const stored = (over: Partial<Score> = {}): Score => ({
  assessmentId: 'a1',
  studentId: 's1',
  status: 'scored',
  points: 8,
  comment: null,
  ...over,
});

describe('points as typed', () => {
  it.each([
    ['8', 8],
    [' 7.5 ', 7.5],
    ['7,25', 7.25],
    ['٧٫٥', 7.5],
    ['۱۰', 10],
    ['.5', 0.5],
    ['', null],
  ])('reads %j as %s', (text, value) => {
    expect(parsePoints(text)).toBe(value);
  });

  it.each(['abc', '-1', '1.234', '1e3', '8/10'])('does not read %j', (text) => {
    expect(parsePoints(text)).toBeNaN();
  });
});

describe('cell drafts', () => {
  it('starts from the stored score or an empty cell', () => {
    expect(draftFrom(stored())).toEqual({ status: 'scored', pointsText: '8', comment: null });
    expect(draftFrom(undefined)).toEqual({ status: 'scored', pointsText: '', comment: null });
  });

  it('knows when a draft changes nothing', () => {
    expect(isChanged({ status: 'scored', pointsText: '8.0', comment: ' ' }, stored())).toBe(false);
    expect(isChanged({ status: 'scored', pointsText: '', comment: null }, undefined)).toBe(false);
    expect(isChanged({ status: 'scored', pointsText: '9', comment: null }, stored())).toBe(true);
    expect(isChanged({ status: 'excused', pointsText: '', comment: null }, undefined)).toBe(true);
    expect(isChanged({ status: 'scored', pointsText: '8', comment: 'Well done' }, stored())).toBe(
      true,
    );
  });

  it('finds points above the maximum, unreadable and emptied cells', () => {
    expect(cellProblem({ status: 'scored', pointsText: '11', comment: null }, undefined, 10)).toBe(
      'aboveMax',
    );
    expect(cellProblem({ status: 'scored', pointsText: 'x', comment: null }, undefined, 10)).toBe(
      'invalid',
    );
    expect(cellProblem({ status: 'scored', pointsText: '', comment: null }, stored(), 10)).toBe(
      'required',
    );
    expect(cellProblem({ status: 'missing', pointsText: '99', comment: null }, stored(), 10)).toBe(
      null,
    );
  });
});

describe('planning a save', () => {
  const scores = new Map([[cellKey('a1', 's1'), stored({ comment: 'Neat' })]]);
  const maxima = new Map([
    ['a1', 10],
    ['a2', 20],
  ]);

  it('sends only changed cells, and a comment only when it changed', () => {
    const plan = planSave(
      {
        [cellKey('a1', 's1')]: { status: 'scored', pointsText: '9', comment: 'Neat' },
        [cellKey('a2', 's1')]: { status: 'missing', pointsText: '', comment: 'Ask again' },
        [cellKey('a2', 's2')]: { status: 'scored', pointsText: '', comment: null },
      },
      scores,
      maxima,
    );
    expect(plan.problems).toEqual({});
    expect(plan.items).toEqual([
      { assessmentId: 'a1', studentId: 's1', status: 'scored', points: 9 },
      { assessmentId: 'a2', studentId: 's1', status: 'missing', comment: 'Ask again' },
    ]);
    expect(plan.keys).toEqual([cellKey('a1', 's1'), cellKey('a2', 's1')]);
  });

  it('clears a comment with null and holds back cells that cannot be sent', () => {
    const plan = planSave(
      {
        [cellKey('a1', 's1')]: { status: 'excused', pointsText: '8', comment: '' },
        [cellKey('a2', 's1')]: { status: 'scored', pointsText: '21', comment: null },
        [cellKey('a2', 's2')]: { status: 'scored', pointsText: '', comment: 'Only a note' },
      },
      scores,
      maxima,
    );
    expect(plan.items).toEqual([
      { assessmentId: 'a1', studentId: 's1', status: 'excused', comment: null },
    ]);
    expect(plan.problems).toEqual({
      [cellKey('a2', 's1')]: 'aboveMax',
      [cellKey('a2', 's2')]: 'required',
    });
  });

  it('counts the cells that differ from what is stored', () => {
    expect(
      countChanges(
        {
          [cellKey('a1', 's1')]: { status: 'scored', pointsText: '8', comment: 'Neat' },
          [cellKey('a2', 's1')]: { status: 'scored', pointsText: '3', comment: null },
        },
        scores,
      ),
    ).toBe(1);
  });

  it('maps refusal details back to the cells they name', () => {
    const keys = [cellKey('a1', 's1'), cellKey('a2', 's1')];
    expect(
      problemsFromDetails(
        [
          { field: 'scores.1.points', code: 'above_max' },
          { field: 'scores.1.studentId', code: 'not_on_roster' },
          { field: 'scores.7', code: 'duplicate' },
          { field: 'classId', code: 'unknown' },
        ],
        keys,
      ),
    ).toEqual({ [cellKey('a2', 's1')]: 'above_max' });
  });
});
