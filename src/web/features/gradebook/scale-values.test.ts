import { describe, expect, it } from 'vitest';

import { describeBands, hasProblems, scaleProblems, toBands } from './scale-values';

describe('grading scale form', () => {
  it('accepts a usable scale', () => {
    const problems = scaleProblems('Letters', [
      { label: 'A', minPercent: 90 },
      { label: 'F', minPercent: '0' },
    ]);
    expect(hasProblems(problems)).toBe(false);
  });

  it('points at each band that cannot be used', () => {
    const problems = scaleProblems(' ', [
      { label: 'A', minPercent: 90 },
      { label: ' a', minPercent: 90 },
      { label: '', minPercent: 120 },
      { label: 'C', minPercent: '' },
    ]);
    expect(problems).toEqual({
      name: 'required',
      bands: [
        {},
        { label: 'duplicate', minPercent: 'duplicate' },
        { label: 'required', minPercent: 'range' },
        { minPercent: 'required' },
      ],
      scale: 'noZeroBand',
    });
  });

  it('refuses more than twenty bands', () => {
    const rows = Array.from({ length: 21 }, (_, i) => ({ label: `L${i}`, minPercent: i }));
    expect(scaleProblems('Many', rows).scale).toBe('tooMany');
  });

  it('sends trimmed labels and numbers, and describes bands highest first', () => {
    const bands = toBands([
      { label: ' F ', minPercent: '0' },
      { label: 'P', minPercent: 50 },
    ]);
    expect(bands).toEqual([
      { label: 'F', minPercent: 0 },
      { label: 'P', minPercent: 50 },
    ]);
    expect(describeBands(bands, String)).toBe('P ≥ 50 · F ≥ 0');
  });
});
