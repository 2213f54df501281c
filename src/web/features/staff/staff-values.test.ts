import { describe, expect, it } from 'vitest';

import type { Staff } from '../../../shared/contracts/people.js';

import { checkStaffValues, newStaffBody, staffChanges, staffValues } from './staff-values';

const member: Staff = {
  id: '0190a4c8-0000-7000-8000-000000000003',
  employeeNumber: 'T001',
  firstName: 'Tom',
  lastName: 'Baker',
  email: 'teacher@greenwood.demo',
  phone: null,
  position: 'Teacher',
  department: 'Mathematics',
  isTeacher: true,
  status: 'active',
  userId: null,
  createdAt: '2024-09-01T08:00:00.000Z',
  updatedAt: '2024-09-01T08:00:00.000Z',
};

describe('staffChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(staffChanges(member, staffValues(member))).toEqual({});
  });

  it('sends the changed fields, with an emptied email as null', () => {
    const values = { ...staffValues(member), email: '', department: 'Science', isTeacher: false };
    expect(staffChanges(member, values)).toEqual({
      email: null,
      department: 'Science',
      isTeacher: false,
    });
  });
});

describe('newStaffBody', () => {
  it('leaves out an empty email and phone', () => {
    const body = newStaffBody({
      ...staffValues(),
      employeeNumber: 'S9',
      firstName: 'A',
      lastName: 'B',
    });
    expect(body).toEqual({
      employeeNumber: 'S9',
      firstName: 'A',
      lastName: 'B',
      position: '',
      department: '',
      isTeacher: false,
    });
  });
});

describe('checkStaffValues', () => {
  it('asks for the employee number and both names', () => {
    expect(Object.keys(checkStaffValues(staffValues(), { required: 'r', email: 'e' }))).toEqual([
      'employeeNumber',
      'firstName',
      'lastName',
    ]);
  });
});
