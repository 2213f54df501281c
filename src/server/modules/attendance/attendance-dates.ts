// Calendar arithmetic for attendance. Dates are `YYYY-MM-DD` days on the school's clock; the
// recording window and the default expiry of an unlock count whole days from the school's
// today, never from the server's.

/** The calendar date `offset` days from `day`. */
export function addDays(day: string, offset: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday (as timetable entries use). */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The first date still inside the recording window: 0 days means today only. */
export function windowOpensOn(today: string, editWindowDays: number): string {
  return addDays(today, -editWindowDays);
}

function offsetMinutes(timeZone: string, at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * The instant a calendar day begins in the time zone (UTC when the zone is unknown). Two
 * passes, so a day whose offset differs from the previous evening's still comes out right.
 */
export function startOfDayIn(day: string, timeZone: string): Date {
  const midnightUtc = new Date(`${day}T00:00:00Z`);
  try {
    const first = new Date(midnightUtc.getTime() - offsetMinutes(timeZone, midnightUtc) * 60_000);
    return new Date(midnightUtc.getTime() - offsetMinutes(timeZone, first) * 60_000);
  } catch {
    return midnightUtc;
  }
}

/** Default expiry of an unlock: the end of the school's next day. */
export function endOfNextDay(today: string, timeZone: string): Date {
  return startOfDayIn(addDays(today, 2), timeZone);
}
