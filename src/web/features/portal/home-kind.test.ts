import { describe, expect, it } from 'vitest';

import { homeKind } from './home-kind';

describe('homeKind', () => {
  it('sends a student to her own home', () => {
    expect(homeKind(['student'])).toBe('student');
  });

  it('sends a guardian to the family home', () => {
    expect(homeKind(['guardian'])).toBe('guardian');
  });

  it('keeps the dashboard for anyone who works at the school', () => {
    for (const role of ['admin', 'teacher', 'staff', 'accountant']) {
      expect(homeKind([role])).toBe('staff');
      expect(homeKind(['guardian', role])).toBe('staff');
    }
  });

  it('keeps the dashboard for a guardian who also holds a school-defined role', () => {
    expect(homeKind(['guardian'], 1)).toBe('staff');
  });

  it('keeps the dashboard for an account without roles', () => {
    expect(homeKind([])).toBe('staff');
  });
});
