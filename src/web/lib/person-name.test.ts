import { describe, expect, it } from 'vitest';

import { joinNames, personName } from './person-name';

describe('personName', () => {
  it('puts the given name first', () => {
    expect(personName({ firstName: 'Lina', lastName: 'Haddad' })).toBe('Lina Haddad');
  });
});

describe('joinNames', () => {
  it('joins names the way the language does', () => {
    expect(joinNames(['Tom Baker', 'Sara Lindqvist'], 'en')).toBe('Tom Baker and Sara Lindqvist');
    expect(joinNames(['Tom Baker'], 'en')).toBe('Tom Baker');
  });
});
