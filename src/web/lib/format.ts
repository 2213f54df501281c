import type { Locale } from '../../shared/boot.js';

// Dates are shown in the school's time zone when one is known (everyone at a school reads
// the same clock); an unknown zone falls back to the browser's own.

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions, timeZone?: string) {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(locale, options);
  }
}

function toDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  const date = toDate(iso);
  if (!date) return iso;
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }, timeZone).format(date);
}

export function formatDate(iso: string, locale: Locale, timeZone?: string): string {
  const date = toDate(iso);
  if (!date) return iso;
  return formatter(locale, { dateStyle: 'medium' }, timeZone).format(date);
}

export function formatTime(iso: string, locale: Locale, timeZone?: string): string {
  const date = toDate(iso);
  if (!date) return iso;
  return formatter(locale, { hour: '2-digit', minute: '2-digit' }, timeZone).format(date);
}

/** "3 minutes" / "٣ دقائق", with the plural rules of the language. */
export function formatMinutes(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  }).format(minutes);
}

/** Whole minutes to wait, never less than one, from a Retry-After in seconds. */
export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The start of a calendar day (`YYYY-MM-DD` from a date input) in the browser's time, as ISO. */
export function startOfDayIso(day: string): string | undefined {
  const date = parseDay(day);
  return date?.toISOString();
}

/** The last millisecond of a calendar day, so a range "to" that day includes all of it. */
export function endOfDayIso(day: string): string | undefined {
  const date = parseDay(day);
  if (!date) return undefined;
  date.setDate(date.getDate() + 1);
  return new Date(date.getTime() - 1).toISOString();
}

function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d
    ? date
    : null;
}

/**
 * A left-to-right value (an address, a hostname) placed inside a translated sentence. In a
 * right-to-left language it is wrapped in Unicode isolates, so its dots and colons keep their
 * order; in a left-to-right one it needs nothing and stays searchable as typed.
 */
export function isolateLtr(value: string, locale: Locale): string {
  return locale === 'ar' ? `\u2066${value}\u2069` : value;
}
