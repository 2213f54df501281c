import type { Locale } from '../../../shared/boot.js';

// Points and averages in the reader's language: "85.5%" in English, "٨٥٫٥٪" in Arabic.

export function formatPoints(points: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(points);
}

export function formatPercent(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    percent / 100,
  );
}

/** The sum of category weights, as shown next to the note about normalising them. */
export function weightTotal(categories: readonly { weight: number }[]): number {
  return Math.round(categories.reduce((sum, c) => sum + c.weight, 0) * 100) / 100;
}
