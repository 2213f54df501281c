// The gradebook's arithmetic, kept free of the database so every rule has a worked example in
// term-average.test.ts.
//
// A student's term average in a class:
//   1. Each assessment counts as points / maxScore. Excused scores and assessments without a
//      score yet are left out. A missing score is left out too, unless the school counts
//      missing work as zero.
//   2. A category's percent is the sum of its counted points over the sum of their maximums
//      (so a 50-point test weighs more than a 10-point quiz inside the same category).
//   3. The average is the weighted mean of the categories that have something counted, with
//      their weights normalised over those categories. Weights need not sum to 100; a
//      category with weight 0 never counts.
//   4. With nothing counted anywhere, the average is null (shown as "no grade yet"), not 0.

import type { GradeBand, ScoreStatus } from './gradebook.table.js';

export interface AverageCategory {
  id: string;
  weight: number;
}

export interface AverageAssessment {
  id: string;
  categoryId: string;
  maxScore: number;
}

export interface AverageScore {
  assessmentId: string;
  status: ScoreStatus;
  points: number | null;
}

export interface AverageOptions {
  missingCountsAsZero: boolean;
}

export interface CategoryResult {
  categoryId: string;
  weight: number;
  /** Percent over the counted assessments, or null when none counts. */
  percent: number | null;
  counted: number;
}

export interface TermAverage {
  /** Weighted percent rounded to two decimals, or null when nothing counts. */
  percent: number | null;
  categories: CategoryResult[];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function termAverage(
  categories: readonly AverageCategory[],
  assessments: readonly AverageAssessment[],
  scores: readonly AverageScore[],
  options: AverageOptions,
): TermAverage {
  const scoreOf = new Map(scores.map((s) => [s.assessmentId, s]));
  const results: CategoryResult[] = [];
  let weighted = 0;
  let weightTotal = 0;
  for (const category of categories) {
    let points = 0;
    let maximum = 0;
    let counted = 0;
    for (const assessment of assessments) {
      if (assessment.categoryId !== category.id || !(assessment.maxScore > 0)) continue;
      const score = scoreOf.get(assessment.id);
      if (!score || score.status === 'excused') continue;
      if (score.status === 'missing') {
        if (!options.missingCountsAsZero) continue;
      } else {
        if (score.points === null) continue;
        points += score.points;
      }
      maximum += assessment.maxScore;
      counted += 1;
    }
    const percent = counted > 0 ? (points / maximum) * 100 : null;
    results.push({
      categoryId: category.id,
      weight: category.weight,
      percent: percent === null ? null : round2(percent),
      counted,
    });
    if (percent !== null && category.weight > 0) {
      weighted += percent * category.weight;
      weightTotal += category.weight;
    }
  }
  return { percent: weightTotal > 0 ? round2(weighted / weightTotal) : null, categories: results };
}

/** The band an average falls in: the highest band whose minimum it reaches. */
export function bandFor(percent: number | null, bands: readonly GradeBand[]): string | null {
  if (percent === null) return null;
  let best: GradeBand | null = null;
  for (const band of bands) {
    if (percent >= band.minPercent && (!best || band.minPercent > best.minPercent)) best = band;
  }
  return best?.label ?? null;
}
