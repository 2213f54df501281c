import type {
  AttendanceStatus,
  MarkCounts,
  RosterMark,
  SaveRegisterBody,
} from '../../../shared/contracts/attendance.js';

// The marks being edited on the take-attendance page, by student. Everyone starts as the
// register has them (present when nothing was recorded); saving sends only the students who
// are not plainly present, since the server marks everyone left out as present.

export const STATUSES: readonly AttendanceStatus[] = ['present', 'absent', 'late', 'excused'];

export interface DraftMark {
  status: AttendanceStatus;
  note: string;
}

export type Draft = Record<string, DraftMark>;

export function draftFromRoster(roster: readonly RosterMark[]): Draft {
  return Object.fromEntries(
    roster.map((row) => [row.studentId, { status: row.status, note: row.note ?? '' }]),
  );
}

export function setStatus(draft: Draft, studentId: string, status: AttendanceStatus): Draft {
  const current = draft[studentId] ?? { status: 'present', note: '' };
  return { ...draft, [studentId]: { ...current, status } };
}

export function setNote(draft: Draft, studentId: string, note: string): Draft {
  const current = draft[studentId] ?? { status: 'present', note: '' };
  return { ...draft, [studentId]: { ...current, note } };
}

/** Everyone present again; notes stay, so a teacher does not lose what she wrote. */
export function markAllPresent(draft: Draft): Draft {
  return Object.fromEntries(
    Object.entries(draft).map(([id, mark]) => [id, { ...mark, status: 'present' as const }]),
  );
}

export function draftMarks(roster: readonly RosterMark[], draft: Draft): SaveRegisterBody['marks'] {
  return roster.flatMap((row) => {
    const mark = draft[row.studentId];
    if (!mark) return [];
    const note = mark.note.trim();
    if (mark.status === 'present' && note === '') return [];
    return [{ studentId: row.studentId, status: mark.status, ...(note ? { note } : {}) }];
  });
}

export function draftCounts(roster: readonly RosterMark[], draft: Draft): MarkCounts {
  const counts: MarkCounts = { present: 0, absent: 0, late: 0, excused: 0 };
  for (const row of roster) counts[draft[row.studentId]?.status ?? 'present'] += 1;
  return counts;
}

/** Whether the draft differs from what the register holds now. */
export function isChanged(roster: readonly RosterMark[], draft: Draft): boolean {
  return roster.some((row) => {
    const mark = draft[row.studentId];
    return (
      mark !== undefined && (mark.status !== row.status || mark.note.trim() !== (row.note ?? ''))
    );
  });
}
