import { describe, expect, it } from 'vitest';

import { effectiveGrants } from '../../../shared/permissions.js';

import { attendanceAccess } from './attendance-access';

const as = (...roles: string[]) =>
  attendanceAccess({ scopes: effectiveGrants(roles) as Record<string, string[]> });

describe('attendanceAccess', () => {
  it('lets admins do everything and staff everything but manage', () => {
    expect(as('admin')).toMatchObject({ records: true, manages: true, reviewsNotes: true });
    expect(as('staff')).toMatchObject({
      records: true,
      manages: false,
      reviewsNotes: true,
      readsRegisters: true,
      readsSettings: true,
    });
  });

  it('lets a teacher record and read her classes without reviewing notes', () => {
    expect(as('teacher')).toMatchObject({
      records: true,
      manages: false,
      reviewsNotes: false,
      readsRegisters: true,
      seesNotesInbox: true,
      self: false,
      children: false,
    });
  });

  it('gives students and guardians their own view only', () => {
    expect(as('student')).toMatchObject({ self: true, records: false, readsRegisters: false });
    expect(as('guardian')).toMatchObject({ children: true, seesNotesInbox: false });
    expect(as('accountant')).toMatchObject({ records: false, readsSettings: false, self: false });
  });
});
