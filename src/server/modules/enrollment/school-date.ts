// Enrollment dates are calendar days in the school's own time zone: "today" for a school in
// Riyadh starts hours before it does in New York.

/** The calendar date (YYYY-MM-DD) at `now` in the given IANA time zone; UTC if unknown. */
export function schoolToday(timeZone: string, now: Date = new Date()): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch {
    return now.toISOString().slice(0, 10);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
