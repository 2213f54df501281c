import type { GradeBandValue } from '../../../shared/contracts/gradebook.js';

// The grading-scale form: bands as typed, checked before sending with the same rules the
// server applies (it checks again), so most mistakes show beside the band at once.

/** The contract's MAX_BANDS, kept here so the page does not load the schema library. */
export const MAX_BANDS = 20;

export interface BandRow {
  label: string;
  minPercent: number | string;
}

export type BandProblem = 'required' | 'duplicate' | 'range';

export interface ScaleProblems {
  name?: 'required';
  bands: { label?: BandProblem; minPercent?: BandProblem }[];
  /** About the scale as a whole: no band at 0, or too many bands. */
  scale?: 'noZeroBand' | 'tooMany';
}

export function scaleProblems(name: string, rows: readonly BandRow[]): ScaleProblems {
  const problems: ScaleProblems = { bands: rows.map(() => ({})) };
  if (name.trim() === '') problems.name = 'required';
  const labels = new Set<string>();
  const minimums = new Set<number>();
  rows.forEach((row, i) => {
    const band = problems.bands[i] ?? {};
    const label = row.label.trim().toLocaleLowerCase();
    if (label === '') band.label = 'required';
    else if (labels.has(label)) band.label = 'duplicate';
    else labels.add(label);
    const min = row.minPercent === '' ? Number.NaN : Number(row.minPercent);
    if (!(min >= 0 && min <= 100)) band.minPercent = row.minPercent === '' ? 'required' : 'range';
    else if (minimums.has(min)) band.minPercent = 'duplicate';
    else minimums.add(min);
  });
  if (rows.length > MAX_BANDS) problems.scale = 'tooMany';
  else if (!minimums.has(0)) problems.scale = 'noZeroBand';
  return problems;
}

export function hasProblems(problems: ScaleProblems): boolean {
  return (
    problems.name !== undefined ||
    problems.scale !== undefined ||
    problems.bands.some((b) => b.label !== undefined || b.minPercent !== undefined)
  );
}

export function toBands(rows: readonly BandRow[]): GradeBandValue[] {
  return rows.map((row) => ({ label: row.label.trim(), minPercent: Number(row.minPercent) }));
}

/** "A ≥ 90 · B ≥ 80 · F ≥ 0", highest first. */
export function describeBands(
  bands: readonly GradeBandValue[],
  format: (n: number) => string,
): string {
  return [...bands]
    .sort((a, b) => b.minPercent - a.minPercent)
    .map((b) => `${b.label} ≥ ${format(b.minPercent)}`)
    .join(' · ');
}
