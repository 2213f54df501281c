import { describe, expect, it } from 'vitest';

import type { Guardian } from '../../../shared/contracts/people.js';

import {
  checkGuardianValues,
  guardianChanges,
  guardianValues,
  newGuardianBody,
} from './guardian-values';

const guardian: Guardian = {
  id: '0190a4c8-0000-7000-8000-000000000002',
  firstName: 'Omar',
  lastName: 'Haddad',
  email: 'omar@example.com',
  phone: '+15551000000',
  address: null,
  userId: null,
  createdAt: '2024-09-01T08:00:00.000Z',
  updatedAt: '2024-09-01T08:00:00.000Z',
};

describe('newGuardianBody', () => {
  it('leaves out empty contact fields', () => {
    expect(
      newGuardianBody({
        firstName: ' Omar ',
        lastName: 'Haddad',
        email: '',
        phone: ' ',
        address: '',
      }),
    ).toEqual({ firstName: 'Omar', lastName: 'Haddad' });
  });
});

describe('guardianChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(guardianChanges(guardian, guardianValues(guardian))).toEqual({});
  });

  it('clears an emptied contact field with null and sends a new one', () => {
    const values = { ...guardianValues(guardian), phone: '', address: '1 School Lane' };
    expect(guardianChanges(guardian, values)).toEqual({ phone: null, address: '1 School Lane' });
  });
});

describe('checkGuardianValues', () => {
  const messages = { required: 'required', email: 'email' };

  it('asks for both names and accepts no email at all', () => {
    expect(checkGuardianValues(guardianValues(), messages)).toEqual({
      firstName: 'required',
      lastName: 'required',
    });
  });

  it('refuses an email address without a domain', () => {
    const values = { ...guardianValues(guardian), email: 'omar@' };
    expect(checkGuardianValues(values, messages)).toEqual({ email: 'email' });
  });
});
