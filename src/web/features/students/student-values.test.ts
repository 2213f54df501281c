import { describe, expect, it } from 'vitest';

import type { Student } from '../../../shared/contracts/people.js';

import { checkStudentValues, studentChanges, studentValues } from './student-values';

const student: Student = {
  id: '0190a4c8-0000-7000-8000-000000000001',
  admissionNumber: 'A1001',
  firstName: 'Lina',
  lastName: 'Haddad',
  dateOfBirth: '2018-04-02',
  gender: 'female',
  status: 'enrolled',
  enrolledOn: '2024-09-01',
  sectionId: '0190a4c8-0000-7000-8000-00000000000a',
  userId: null,
  createdAt: '2024-09-01T08:00:00.000Z',
  updatedAt: '2024-09-01T08:00:00.000Z',
};

describe('studentChanges', () => {
  it('sends nothing when nothing was changed', () => {
    expect(studentChanges(student, studentValues(student))).toEqual({});
  });

  it('sends only the changed fields, trimmed', () => {
    const values = { ...studentValues(student), firstName: '  Leena ', gender: 'other' as const };
    expect(studentChanges(student, values)).toEqual({ firstName: 'Leena', gender: 'other' });
  });

  it('clears an emptied date or section with null', () => {
    const values = { ...studentValues(student), dateOfBirth: '', sectionId: '' };
    expect(studentChanges(student, values)).toEqual({ dateOfBirth: null, sectionId: null });
  });
});

describe('checkStudentValues', () => {
  it('asks for the admission number and both names', () => {
    expect(checkStudentValues(studentValues(), 'Fill in this field.')).toEqual({
      admissionNumber: 'Fill in this field.',
      firstName: 'Fill in this field.',
      lastName: 'Fill in this field.',
    });
  });
});
