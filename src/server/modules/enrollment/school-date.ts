// Enrollment dates are calendar days in the school's own time zone: "today" for a school in
// Riyadh starts hours before it does in New York.

// Building an Intl.DateTimeFormat costs far more than using one (it showed up at 3 % of a
// request's CPU in the teaching benchmark), so there is one per time zone, kept for the
// process. Schools pick from the IANA list, so the map stays small.
const formats = new Map<string, Intl.DateTimeFormat | null>();

function dateFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = formats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      format = null;
    }
    if (formats.size < 1_000) formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date (YYYY-MM-DD) at `now` in the given IANA time zone; UTC if unknown. */
export function schoolToday(timeZone: string, now: Date = new Date()): string {
  const format = dateFormat(timeZone);
  if (!format) return now.toISOString().slice(0, 10);
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(now)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** The calendar date `offset` days from `day` (both `YYYY-MM-DD`). */
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

const clocks = new Map<string, Intl.DateTimeFormat | null>();

function clockFormat(timeZone: string): Intl.DateTimeFormat | null {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    try {
      clock = new Intl.DateTimeFormat('en', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      clock = null;
    }
    if (clocks.size < 1_000) clocks.set(timeZone, clock);
  }
  return clock;
}

/** Minutes the zone's clocks are ahead of UTC at an instant. */
function offsetMinutes(clock: Intl.DateTimeFormat, at: Date): number {
  const parts: Record<string, number> = {};
  for (const part of clock.formatToParts(at)) parts[part.type] = Number(part.value);
  const shown = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((shown - at.getTime()) / 60_000);
}

/**
 * The instant the school's clocks show `time` (`HH:MM`) on `day` (UTC when the zone is
 * unknown). Two passes, so a time whose offset differs from the first guess's (across a
 * daylight-saving change) still comes out right.
 */
export function atSchoolTime(day: string, time: string, timeZone: string): Date {
  const wall = new Date(`${day}T${time}:00Z`);
  const clock = clockFormat(timeZone);
  if (!clock) return wall;
  const first = new Date(wall.getTime() - offsetMinutes(clock, wall) * 60_000);
  return new Date(wall.getTime() - offsetMinutes(clock, first) * 60_000);
}
