import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCALE, bandProblems, normaliseBands } from './grading-scale.rules.js';

describe('grading scale bands', () => {
  it('accepts the built-in A–F scale', () => {
    expect(bandProblems(BUILT_IN_SCALE.bands)).toEqual([]);
  });

  it('accepts a single band at 0', () => {
    expect(bandProblems([{ label: 'Pass', minPercent: 0 }])).toEqual([]);
  });

  it('refuses no bands and more than twenty', () => {
    expect(bandProblems([])).toMatchObject([{ field: 'bands', code: 'minItems' }]);
    const many = Array.from({ length: 21 }, (_, i) => ({ label: `L${i}`, minPercent: i }));
    expect(bandProblems(many)).toMatchObject([{ field: 'bands', code: 'maxItems' }]);
  });

  it('names empty and repeated labels by their index', () => {
    const problems = bandProblems([
      { label: 'A', minPercent: 90 },
      { label: '  ', minPercent: 50 },
      { label: ' a ', minPercent: 0 },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'bands.1.label', code: 'required' }),
      expect.objectContaining({ field: 'bands.2.label', code: 'duplicate' }),
    ]);
  });

  it('refuses repeated minimums and minimums outside 0..100', () => {
    const problems = bandProblems([
      { label: 'A', minPercent: 80 },
      { label: 'B', minPercent: 80 },
      { label: 'C', minPercent: 101 },
      { label: 'F', minPercent: 0 },
    ]);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['bands.1.minPercent', 'duplicate'],
      ['bands.2.minPercent', 'range'],
    ]);
  });

  it('needs a band starting at 0', () => {
    expect(bandProblems([{ label: 'A', minPercent: 50 }])).toMatchObject([
      { field: 'bands', code: 'no_zero_band' },
    ]);
  });

  it('stores bands highest first with trimmed labels', () => {
    expect(
      normaliseBands([
        { label: ' F ', minPercent: 0 },
        { label: 'A', minPercent: 90.004 },
      ]),
    ).toEqual([
      { label: 'A', minPercent: 90 },
      { label: 'F', minPercent: 0 },
    ]);
  });
});
