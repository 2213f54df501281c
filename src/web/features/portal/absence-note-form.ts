import { isCalendarDate } from './portal-dates';

// What a guardian must give before an absence note is sent (the server checks the same).

export const ABSENCE_REASON_MAX = 2000;

export interface AbsenceNoteValues {
  startsOn: string;
  endsOn: string;
  reason: string;
}

export type AbsenceNoteProblem = 'required' | 'format' | 'endsBeforeStarts' | 'tooLong';

export function checkAbsenceNote(
  values: AbsenceNoteValues,
): Partial<Record<keyof AbsenceNoteValues, AbsenceNoteProblem>> {
  const problems: Partial<Record<keyof AbsenceNoteValues, AbsenceNoteProblem>> = {};
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (values[field] === '') problems[field] = 'required';
    else if (!isCalendarDate(values[field])) problems[field] = 'format';
  }
  if (!problems.startsOn && !problems.endsOn && values.endsOn < values.startsOn) {
    problems.endsOn = 'endsBeforeStarts';
  }
  const reason = values.reason.trim();
  if (reason === '') problems.reason = 'required';
  else if (values.reason.length > ABSENCE_REASON_MAX) problems.reason = 'tooLong';
  return problems;
}
