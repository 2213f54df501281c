import { describe, expect, it } from 'vitest';

import { parseRegisterSearch, registerSearch } from './register-search';

const classId = '01a21c96-81d7-7670-8fbb-49e793143344';
const periodId = '01a21c96-81d7-7670-8fbb-49e83a9eeb00';

describe('the take-attendance address', () => {
  it('reads a class register with its period and date', () => {
    const target = parseRegisterSearch({ classId, date: '2026-03-09', periodId });
    expect(target).toEqual({ classId, date: '2026-03-09', periodId });
    expect(registerSearch(target ?? {})).toEqual({ classId, date: '2026-03-09', periodId });
  });

  it('reads a daily register and ignores a period on it', () => {
    expect(parseRegisterSearch({ sectionId: classId, periodId })).toEqual({ sectionId: classId });
  });

  it('names no register without a valid class or section', () => {
    expect(parseRegisterSearch({})).toBeNull();
    expect(parseRegisterSearch({ classId: 'nope', date: '2026-03-09' })).toBeNull();
    expect(parseRegisterSearch({ classId, date: 'yesterday' })).toEqual({ classId });
  });
});
