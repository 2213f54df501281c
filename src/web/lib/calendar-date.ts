import type { Locale } from '../../shared/boot.js';

// Calendar dates (`YYYY-MM-DD`: a birthday, the first day of a term) name a day, not an
// instant, so they are shown as that day wherever the reader is, never shifted by a zone.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatCalendarDate(day: string, locale: Locale): string {
  const match = DAY.exec(day);
  if (!match) return day;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Today's date on the school's clock, as `YYYY-MM-DD`; the browser's when the zone is unknown. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
