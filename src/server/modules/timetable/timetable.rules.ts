import type { ErrorDetail } from '../../platform/errors/app-error.js';

// The pure rules of the timetable: period times, and which entries clash in one slot (the same
// term, weekday and period). The service loads the slot and asks these; the copy between
// terms asks them too, without going back to the database for every entry.

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday" for 1 … "Sunday" for 7 (server messages are English; the web app translates). */
export function dayName(day: number): string {
  return DAY_NAMES[day - 1] ?? `day ${day}`;
}

/** `HH:MM` from what PostgreSQL returns for a time (`HH:MM:SS`). */
export function clockTime(value: string): string {
  return value.slice(0, 5);
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export interface PeriodShape {
  id?: string;
  name: string;
  startsAt: string;
  endsAt: string;
  days: readonly number[];
}

/**
 * What is wrong with a period's times: an end not after its start, or an overlap with another
 * period on a day both run. Touching ends (08:45 and 08:45) do not overlap.
 */
export function periodProblems(period: PeriodShape, others: readonly PeriodShape[]): ErrorDetail[] {
  const start = minutes(period.startsAt);
  const end = minutes(period.endsAt);
  if (end <= start) {
    return [{ field: 'endsAt', code: 'before_start', message: 'must be after the start time' }];
  }
  const problems: ErrorDetail[] = [];
  for (const other of others) {
    if (other.id !== undefined && other.id === period.id) continue;
    const shared = period.days.filter((d) => other.days.includes(d)).sort((a, b) => a - b);
    if (shared.length === 0) continue;
    if (start < minutes(other.endsAt) && minutes(other.startsAt) < end) {
      const when = `${clockTime(other.startsAt)}–${clockTime(other.endsAt)}`;
      problems.push({
        field: 'startsAt',
        code: 'overlap',
        message: `overlaps ${other.name} (${when}) on ${shared.map(dayName).join(', ')}`,
      });
    }
  }
  return problems;
}

/** An entry in a slot, with the names a refusal needs. */
export interface SlotEntry {
  id: string;
  classId: string;
  className: string;
  /** The section the class is taught to; null for a class of a whole grade level. */
  sectionId: string | null;
  sectionName: string | null;
  /** The grade level of the group: the class's own, or its section's. */
  gradeLevelId: string | null;
  gradeLevelName: string | null;
  roomId: string | null;
  roomName: string | null;
  teacherId: string | null;
  teacherName: string | null;
}

export type ClashField = 'classId' | 'teacherId' | 'roomId' | 'sectionId';

export interface Clash extends ErrorDetail {
  field: ClashField;
  code: 'class_busy' | 'teacher_busy' | 'room_busy' | 'section_busy';
}

function roomLabel(name: string): string {
  return /^room\b/i.test(name) ? name : `Room ${name}`;
}

/** "Section 1A", or for a section of a grade level the whole grade shares, naming both. */
function sectionClash(candidate: SlotEntry, other: SlotEntry): string | null {
  const wholeGrade = (e: SlotEntry) => e.sectionId === null && e.gradeLevelId !== null;
  if (candidate.sectionId && candidate.sectionId === other.sectionId) {
    return `Section ${candidate.sectionName ?? ''}`;
  }
  if (!candidate.gradeLevelId || candidate.gradeLevelId !== other.gradeLevelId) return null;
  if (wholeGrade(other) && candidate.sectionId) return `Section ${candidate.sectionName ?? ''}`;
  if (wholeGrade(candidate) && other.sectionId) {
    return `Section ${other.sectionName ?? ''} of ${candidate.gradeLevelName ?? ''}`;
  }
  if (wholeGrade(candidate) && wholeGrade(other)) return candidate.gradeLevelName ?? 'The grade';
  return null;
}

/**
 * Every way `candidate` clashes with the entries already in its slot (itself excluded): the
 * class twice, a teacher or a room in two places, or a group with two lessons at once. A class
 * of a whole grade level clashes with every class of that grade's sections, and back.
 */
export function findClashes(
  candidate: SlotEntry,
  slot: readonly SlotEntry[],
  when: { day: number; periodName: string },
): Clash[] {
  const at = `on ${dayName(when.day)} in ${when.periodName}`;
  const clashes: Clash[] = [];
  for (const other of slot) {
    if (other.id === candidate.id) continue;
    const classBusy = other.classId === candidate.classId;
    if (classBusy) {
      clashes.push({
        field: 'classId',
        code: 'class_busy',
        message: `${other.className} is already timetabled ${at}.`,
      });
    }
    if (candidate.teacherId && other.teacherId === candidate.teacherId) {
      clashes.push({
        field: 'teacherId',
        code: 'teacher_busy',
        message: `${other.teacherName ?? 'This teacher'} already teaches ${other.className} ${at}.`,
      });
    }
    if (candidate.roomId && other.roomId === candidate.roomId) {
      clashes.push({
        field: 'roomId',
        code: 'room_busy',
        message: `${roomLabel(other.roomName ?? '')} is already booked for ${other.className} ${at}.`,
      });
    }
    // The class itself being there already says its group is busy.
    const group = classBusy ? null : sectionClash(candidate, other);
    if (group) {
      clashes.push({
        field: 'sectionId',
        code: 'section_busy',
        message: `${group} already has ${other.className} ${at}.`,
      });
    }
  }
  return clashes;
}
