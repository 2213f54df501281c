import type { Day, DayItem } from '../../../shared/contracts/timetable.js';

// GET /api/timetable/day answers with every lesson of the signed-in person's day: those she
// teaches (student null), those she attends, and those of each of her children (student set).
// Each block of the home page shows one person's share of it.

function byTime(a: DayItem, b: DayItem): number {
  return (
    a.period.startsAt.localeCompare(b.period.startsAt) ||
    a.period.endsAt.localeCompare(b.period.endsAt) ||
    a.class.name.localeCompare(b.class.name)
  );
}

/** The lessons one student attends on the day, in time order. */
export function lessonsOfStudent(day: Day, studentId: string): DayItem[] {
  return day.items.filter((item) => item.student?.id === studentId).sort(byTime);
}

/** The lessons the signed-in teacher teaches on the day, in time order. */
export function lessonsTaught(day: Day): DayItem[] {
  return day.items.filter((item) => item.student === null).sort(byTime);
}

/** The search of the register page for a lesson: its class, its date and its period. */
export function takeAttendanceSearch(item: DayItem): {
  classId: string;
  date: string;
  periodId: string;
} {
  return { classId: item.class.id, date: item.date, periodId: item.period.id };
}

/** The same as a path, for places that need a plain address. */
export function takeAttendanceHref(item: DayItem): string {
  const search = new URLSearchParams(takeAttendanceSearch(item));
  return `/attendance/take?${search.toString()}`;
}

/** "08:00–08:45", kept left to right inside right-to-left text. */
export function clockRange(startsAt: string, endsAt: string): string {
  return `\u2066${startsAt}–${endsAt}\u2069`;
}
