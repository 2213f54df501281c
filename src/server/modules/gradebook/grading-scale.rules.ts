import { MAX_BANDS } from '../../../shared/contracts/gradebook.js';
import type { ErrorDetail } from '../../platform/errors/app-error.js';
import type { GradeBand } from './gradebook.table.js';

// What makes a grading scale usable, kept free of the database. A scale maps an average to
// the label of the highest band whose minimum it reaches, so every average needs a band
// (one starts at 0) and no two bands may share a minimum or a label.

/** Used for bands while a school has created no scale of its own; never stored. */
export const BUILT_IN_SCALE: { name: string; bands: GradeBand[] } = Object.freeze({
  name: 'A–F',
  bands: [
    { label: 'A', minPercent: 90 },
    { label: 'B', minPercent: 80 },
    { label: 'C', minPercent: 70 },
    { label: 'D', minPercent: 60 },
    { label: 'F', minPercent: 0 },
  ],
});

/** Labels trimmed, minimums at two decimals, highest band first. */
export function normaliseBands(bands: readonly GradeBand[]): GradeBand[] {
  return bands
    .map((b) => ({ label: b.label.trim(), minPercent: Math.round(b.minPercent * 100) / 100 }))
    .sort((x, y) => y.minPercent - x.minPercent);
}

/** Every problem with the bands as given, each naming the band by its index in the request. */
export function bandProblems(bands: readonly GradeBand[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (bands.length === 0 || bands.length > MAX_BANDS) {
    problems.push({
      field: 'bands',
      code: bands.length === 0 ? 'minItems' : 'maxItems',
      message: `a scale has between 1 and ${MAX_BANDS} bands`,
    });
    return problems;
  }
  const labels = new Map<string, number>();
  const minimums = new Map<number, number>();
  bands.forEach((band, index) => {
    const label = band.label.trim();
    const key = label.toLocaleLowerCase();
    const min = Math.round(band.minPercent * 100) / 100;
    if (label === '') {
      problems.push({ field: `bands.${index}.label`, code: 'required', message: 'is empty' });
    } else if (labels.has(key)) {
      problems.push({
        field: `bands.${index}.label`,
        code: 'duplicate',
        message: `repeats the label of band ${labels.get(key)}`,
      });
    } else {
      labels.set(key, index);
    }
    if (!(min >= 0 && min <= 100)) {
      problems.push({
        field: `bands.${index}.minPercent`,
        code: 'range',
        message: 'must be between 0 and 100',
      });
    } else if (minimums.has(min)) {
      problems.push({
        field: `bands.${index}.minPercent`,
        code: 'duplicate',
        message: `repeats the minimum of band ${minimums.get(min)}`,
      });
    } else {
      minimums.set(min, index);
    }
  });
  if (!minimums.has(0)) {
    problems.push({
      field: 'bands',
      code: 'no_zero_band',
      message: 'one band must start at 0, so every average has a band',
    });
  }
  return problems;
}
