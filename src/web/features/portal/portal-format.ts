import type { Locale } from '../../../shared/boot.js';

// Numbers in the reader's language: "92.5%" in English, "٩٢٫٥٪" in Arabic.

export function formatPercent(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Monday 5 January" / "الاثنين ٥ يناير" for a calendar date, never shifted by a zone. */
export function formatWeekdayDate(day: string, locale: Locale): string {
  const match = DAY.exec(day);
  if (!match) return day;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
