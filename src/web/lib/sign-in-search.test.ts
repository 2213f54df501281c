import { describe, expect, it } from 'vitest';

import { parseSignInSearch } from './sign-in-search';

describe('parseSignInSearch', () => {
  it('keeps a local next path and a known notice', () => {
    expect(parseSignInSearch({ next: '/admin/users?q=ann', notice: 'signed-out' })).toEqual({
      next: '/admin/users?q=ann',
      notice: 'signed-out',
    });
  });

  it('drops unknown notices, non-path destinations and other types', () => {
    expect(parseSignInSearch({ next: 'https://evil.example', notice: 'hacked' })).toEqual({});
    expect(parseSignInSearch({ next: 42, notice: ['signed-out'] })).toEqual({});
    expect(parseSignInSearch({})).toEqual({});
  });
});
