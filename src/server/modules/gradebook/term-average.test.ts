import { describe, expect, it } from 'vitest';
import { bandFor, termAverage, type AverageAssessment } from './term-average.js';

const categories = [
  { id: 'tests', weight: 60 },
  { id: 'homework', weight: 40 },
];
const assessments: AverageAssessment[] = [
  { id: 't1', categoryId: 'tests', maxScore: 50 },
  { id: 't2', categoryId: 'tests', maxScore: 100 },
  { id: 'h1', categoryId: 'homework', maxScore: 10 },
  { id: 'h2', categoryId: 'homework', maxScore: 10 },
];
const zeroOff = { missingCountsAsZero: false };
const zeroOn = { missingCountsAsZero: true };

describe('term average', () => {
  it('weights categories and sums points inside each one', () => {
    const result = termAverage(
      categories,
      assessments,
      [
        { assessmentId: 't1', status: 'scored', points: 40 },
        { assessmentId: 't2', status: 'scored', points: 65 },
        { assessmentId: 'h1', status: 'scored', points: 9 },
        { assessmentId: 'h2', status: 'scored', points: 10 },
      ],
      zeroOff,
    );
    // tests: 105 / 150 = 70 %; homework: 19 / 20 = 95 %; 0.6 × 70 + 0.4 × 95 = 80
    expect(result.categories.map((c) => c.percent)).toEqual([70, 95]);
    expect(result.percent).toBe(80);
  });

  it('is null with no scores at all', () => {
    const result = termAverage(categories, assessments, [], zeroOff);
    expect(result.percent).toBeNull();
    expect(result.categories.every((c) => c.percent === null && c.counted === 0)).toBe(true);
  });

  it('is null when every score is excused', () => {
    const excused = assessments.map((a) => ({
      assessmentId: a.id,
      status: 'excused' as const,
      points: null,
    }));
    expect(termAverage(categories, assessments, excused, zeroOn).percent).toBeNull();
  });

  it('leaves an excused score out of its category', () => {
    const result = termAverage(
      categories,
      assessments,
      [
        { assessmentId: 't1', status: 'excused', points: null },
        { assessmentId: 't2', status: 'scored', points: 90 },
      ],
      zeroOff,
    );
    // Only t2 counts; homework has nothing, so tests carry the whole weight.
    expect(result.percent).toBe(90);
  });

  it('counts a missing score as zero only when the school says so', () => {
    const marks = [
      { assessmentId: 'h1', status: 'scored' as const, points: 10 },
      { assessmentId: 'h2', status: 'missing' as const, points: null },
    ];
    expect(termAverage(categories, assessments, marks, zeroOff).percent).toBe(100);
    // 10 / 20 = 50 %
    expect(termAverage(categories, assessments, marks, zeroOn).percent).toBe(50);
  });

  it('normalises weights that do not sum to 100', () => {
    const result = termAverage(
      [
        { id: 'tests', weight: 3 },
        { id: 'homework', weight: 1 },
      ],
      assessments,
      [
        { assessmentId: 't2', status: 'scored', points: 60 },
        { assessmentId: 'h1', status: 'scored', points: 10 },
      ],
      zeroOff,
    );
    // (3 × 60 + 1 × 100) / 4 = 70
    expect(result.percent).toBe(70);
  });

  it('never counts a category weighted zero', () => {
    const result = termAverage(
      [
        { id: 'tests', weight: 100 },
        { id: 'homework', weight: 0 },
      ],
      assessments,
      [
        { assessmentId: 't2', status: 'scored', points: 50 },
        { assessmentId: 'h1', status: 'scored', points: 10 },
      ],
      zeroOff,
    );
    expect(result.percent).toBe(50);
    expect(result.categories[1]?.percent).toBe(100);
  });

  it('rounds to two decimals', () => {
    const result = termAverage(
      [{ id: 'tests', weight: 1 }],
      [{ id: 'q', categoryId: 'tests', maxScore: 3 }],
      [{ assessmentId: 'q', status: 'scored', points: 2 }],
      zeroOff,
    );
    expect(result.percent).toBe(66.67);
  });
});

describe('grade bands', () => {
  const letters = [
    { label: 'A', minPercent: 90 },
    { label: 'B', minPercent: 80 },
    { label: 'C', minPercent: 70 },
    { label: 'D', minPercent: 60 },
    { label: 'F', minPercent: 0 },
  ];

  it.each([
    [95, 'A'],
    [90, 'A'],
    [89.99, 'B'],
    [70, 'C'],
    [12, 'F'],
    [0, 'F'],
  ])('gives %s percent the band %s', (percent, label) => {
    expect(bandFor(percent, letters)).toBe(label);
  });

  it('gives no band without an average', () => {
    expect(bandFor(null, letters)).toBeNull();
  });
});
