/** The calendar date `offset` days from `day` (both `YYYY-MM-DD`), never shifted by a zone. */
export function addCalendarDays(day: string, offset: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}
