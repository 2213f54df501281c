import type { AttendanceStatus, StudentAttendance } from '../../../shared/contracts/attendance.js';

// A student is marked in the section's daily register and in each lesson's register, so one
// day off school is several marks. The home page lists days, each with what went wrong on it
// (absent, late, excused) and where it was recorded.

export type NotPresent = Exclude<AttendanceStatus, 'present'>;

/** Most serious first: an unexplained absence, then lateness, then an excused absence. */
const SEVERITY: readonly NotPresent[] = ['absent', 'late', 'excused'];

export type MarkPlace =
  { kind: 'daily' } | { kind: 'class'; className: string; periodName: string | null };

export interface NonPresentDay {
  date: string;
  /** Each status met on the day, most serious first. */
  statuses: NotPresent[];
  marks: { status: NotPresent; place: MarkPlace }[];
}

type Mark = StudentAttendance['items'][number];

function placeOf(mark: Mark): MarkPlace {
  if (mark.kind === 'class' && mark.className !== null) {
    return { kind: 'class', className: mark.className, periodName: mark.periodName };
  }
  return { kind: 'daily' };
}

/** The latest days with a mark other than present, newest first. */
export function recentNonPresentDays(items: readonly Mark[], limit = 5): NonPresentDay[] {
  const days = new Map<string, NonPresentDay>();
  for (const mark of items) {
    if (mark.status === 'present') continue;
    let day = days.get(mark.date);
    if (!day) {
      day = { date: mark.date, statuses: [], marks: [] };
      days.set(mark.date, day);
    }
    if (!day.statuses.includes(mark.status)) day.statuses.push(mark.status);
    day.marks.push({ status: mark.status, place: placeOf(mark) });
  }
  const rank = (status: NotPresent) => SEVERITY.indexOf(status);
  return [...days.values()]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, Math.max(0, limit))
    .map((day) => ({
      ...day,
      statuses: [...day.statuses].sort((a, b) => rank(a) - rank(b)),
      // The daily register first, then the lessons in the order the API gave them.
      marks: [...day.marks].sort(
        (a, b) => Number(a.place.kind === 'class') - Number(b.place.kind === 'class'),
      ),
    }));
}
