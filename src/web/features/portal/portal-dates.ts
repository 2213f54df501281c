// Calendar dates (`YYYY-MM-DD`) are days, not instants: arithmetic on them is done in UTC so
// no zone or daylight-saving change moves them.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function addDays(day: string, offset: number): string {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a calendar date: ${day}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

/** The `days` days up to and including `today`, as the attendance API's from/to. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

export function isCalendarDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
