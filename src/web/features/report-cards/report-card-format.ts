import type { Locale } from '../../../shared/boot.js';

// Numbers on a card in the reader's language: "84.5%" in English, "٨٤٫٥٪" in Arabic.

export function formatPercent(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    percent / 100,
  );
}

export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(count);
}
