import type { TimetableEntry } from '../../../shared/contracts/timetable.js';
import type { EntryViewRow } from './timetable.repository.js';
import { clockTime, type SlotEntry } from './timetable.rules.js';

// Rows with names, as the API shows them and as the clash rules read them.

function named(id: string | null, name: string | null): { id: string; name: string } | null {
  return id ? { id, name: name ?? '' } : null;
}

export function teacherName(row: Pick<EntryViewRow, 'teacherFirstName' | 'teacherLastName'>) {
  return [row.teacherFirstName, row.teacherLastName].filter(Boolean).join(' ');
}

export function toEntry(row: EntryViewRow): TimetableEntry {
  return {
    id: row.id,
    termId: row.termId,
    day: row.day,
    period: {
      id: row.periodId,
      name: row.periodName,
      startsAt: clockTime(row.periodStartsAt),
      endsAt: clockTime(row.periodEndsAt),
    },
    class: { id: row.classId, name: row.className, subjectName: row.subjectName },
    section: named(row.sectionId, row.sectionName),
    gradeLevel: named(row.gradeLevelId, row.gradeLevelName),
    room: named(row.roomId, row.roomName),
    teacher: row.teacherId ? { id: row.teacherId, name: teacherName(row) } : null,
  };
}

export function toSlotEntry(row: EntryViewRow): SlotEntry {
  return {
    id: row.id,
    classId: row.classId,
    className: row.className,
    sectionId: row.sectionId,
    sectionName: row.sectionName,
    gradeLevelId: row.gradeLevelId,
    gradeLevelName: row.gradeLevelName,
    roomId: row.roomId,
    roomName: row.roomName,
    teacherId: row.teacherId,
    teacherName: row.teacherId ? teacherName(row) : null,
  };
}
