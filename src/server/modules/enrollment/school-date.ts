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
