import { describe, expect, it } from 'vitest';

import { defaultOrder, parseSchoolListSearch, schoolListSearch } from './school-list-search';

describe('parseSchoolListSearch', () => {
  it('starts from the newest schools, unfiltered', () => {
    expect(parseSchoolListSearch({})).toEqual({
      q: '',
      status: '',
      planId: '',
      sort: 'created',
      order: 'desc',
    });
  });

  it('reads known filters', () => {
    expect(
      parseSchoolListSearch({ q: ' oak ', status: 'suspended', plan: 'free', sort: 'name' }),
    ).toEqual({ q: 'oak', status: 'suspended', planId: 'free', sort: 'name', order: 'asc' });
  });

  it('drops what it does not know', () => {
    expect(
      parseSchoolListSearch({ status: 'deleted', sort: 'id', order: 'sideways', q: 42 }),
    ).toEqual({ q: '', status: '', planId: '', sort: 'created', order: 'desc' });
  });

  it('keeps an order that differs from the default', () => {
    expect(parseSchoolListSearch({ sort: 'students', order: 'asc' }).order).toBe('asc');
  });
});

describe('schoolListSearch', () => {
  it('leaves defaults out of the address', () => {
    expect(schoolListSearch(parseSchoolListSearch({}))).toEqual({});
  });

  it('round-trips every filter', () => {
    const search = { q: 'oak', status: 'trial', plan: 'standard', sort: 'requests', order: 'asc' };
    expect(schoolListSearch(parseSchoolListSearch(search))).toEqual(search);
  });
});

describe('defaultOrder', () => {
  it('sorts names A to Z and numbers and dates biggest first', () => {
    expect(defaultOrder('name')).toBe('asc');
    expect(defaultOrder('students')).toBe('desc');
    expect(defaultOrder('lastActivity')).toBe('desc');
  });
});
