import { describe, expect, it } from 'vitest';

import { ABSENCE_REASON_MAX, checkAbsenceNote } from './absence-note-form';

const valid = { startsOn: '2025-10-06', endsOn: '2025-10-07', reason: 'A fever.' };

describe('checkAbsenceNote', () => {
  it('accepts a note with its dates in order and a reason', () => {
    expect(checkAbsenceNote(valid)).toEqual({});
    expect(checkAbsenceNote({ ...valid, endsOn: valid.startsOn })).toEqual({});
  });

  it('asks for every field', () => {
    expect(checkAbsenceNote({ startsOn: '', endsOn: '', reason: '   ' })).toEqual({
      startsOn: 'required',
      endsOn: 'required',
      reason: 'required',
    });
  });

  it('refuses a last day before the first', () => {
    expect(checkAbsenceNote({ ...valid, endsOn: '2025-10-05' })).toEqual({
      endsOn: 'endsBeforeStarts',
    });
  });

  it('refuses a date that does not exist', () => {
    expect(checkAbsenceNote({ ...valid, startsOn: '2025-02-30' })).toEqual({
      startsOn: 'format',
    });
  });

  it('refuses a reason longer than the server keeps', () => {
    expect(checkAbsenceNote({ ...valid, reason: 'x'.repeat(ABSENCE_REASON_MAX + 1) })).toEqual({
      reason: 'tooLong',
    });
  });
});
