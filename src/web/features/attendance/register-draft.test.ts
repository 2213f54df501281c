import { describe, expect, it } from 'vitest';

import type { RosterMark } from '../../../shared/contracts/attendance.js';

import {
  draftCounts,
  draftFromRoster,
  draftMarks,
  isChanged,
  markAllPresent,
  setNote,
  setStatus,
} from './register-draft';

const row = (
  studentId: string,
  status: RosterMark['status'] = 'present',
  note: string | null = null,
) => ({
  studentId,
  firstName: studentId,
  lastName: 'X',
  admissionNumber: studentId,
  status,
  note,
});

describe('the register draft', () => {
  const roster = [row('a'), row('b', 'absent', 'sick'), row('c')];

  it('starts from the register and sends only who is not plainly present', () => {
    const draft = draftFromRoster(roster);
    expect(draftMarks(roster, draft)).toEqual([{ studentId: 'b', status: 'absent', note: 'sick' }]);
    expect(isChanged(roster, draft)).toBe(false);
    expect(draftCounts(roster, draft)).toEqual({ present: 2, absent: 1, late: 0, excused: 0 });
  });

  it('keeps a note on a present student and trims notes', () => {
    const draft = setNote(setStatus(draftFromRoster(roster), 'c', 'late'), 'a', '  left early ');
    expect(draftMarks(roster, draft)).toEqual([
      { studentId: 'a', status: 'present', note: 'left early' },
      { studentId: 'b', status: 'absent', note: 'sick' },
      { studentId: 'c', status: 'late' },
    ]);
    expect(isChanged(roster, draft)).toBe(true);
  });

  it('marks everyone present but keeps the notes', () => {
    const draft = markAllPresent(setStatus(draftFromRoster(roster), 'a', 'absent'));
    expect(draftCounts(roster, draft)).toEqual({ present: 3, absent: 0, late: 0, excused: 0 });
    expect(draftMarks(roster, draft)).toEqual([
      { studentId: 'b', status: 'present', note: 'sick' },
    ]);
  });
});
