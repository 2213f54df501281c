import type { Locale } from '../../../shared/boot.js';

// The week grid: a column per weekday any period runs on, a row per period. Days are ISO
// weekdays (1 = Monday … 7 = Sunday), named in the reader's language by the browser.

/** The weekdays to show as columns: every day a period runs on, or an entry sits on. */
export function gridDays(
  periods: readonly { days: readonly number[] }[],
  entries: readonly { day: number }[] = [],
): number[] {
  const days = new Set<number>();
  for (const period of periods) for (const day of period.days) days.add(day);
  for (const entry of entries) days.add(entry.day);
  return [...days].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
}

/** The entries in one cell of the grid. */
export function cellEntries<E extends { day: number; period: { id: string } }>(
  entries: readonly E[],
  day: number,
  periodId: string,
): E[] {
  return entries.filter((e) => e.day === day && e.period.id === periodId);
}

// 1 January 2024 was a Monday, so day n is n - 1 days after it.
const A_MONDAY = Date.UTC(2024, 0, 1);

/** "Monday" / "الاثنين" for 1, ... in the given language. */
export function weekdayName(day: number, locale: Locale, width: 'long' | 'short' = 'long'): string {
  const date = new Date(A_MONDAY + (day - 1) * 86_400_000);
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** The ISO weekday of a calendar date `YYYY-MM-DD`. */
export function isoWeekday(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** "08:00–08:45", kept left to right inside right-to-left text. */
export function timeRange(startsAt: string, endsAt: string): string {
  return `\u2066${startsAt}–${endsAt}\u2069`;
}
