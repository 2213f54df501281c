import { describe, expect, it } from 'vitest';

import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each(['/', '/admin/users', '/admin/users?q=ann&role=teacher', '/admin/users/0190-abc'])(
    'follows the local path %s',
    (path) => {
      expect(safeNextPath(path)).toBe(path);
    },
  );

  it('drops a fragment, which never carries a destination', () => {
    expect(safeNextPath('/profile#token=x')).toBe('/profile');
  });

  it.each([
    undefined,
    null,
    42,
    '',
    'admin/users',
    '//evil.example/path',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\tjavascript:alert(1)',
  ])('falls back to the dashboard for %s', (value) => {
    expect(safeNextPath(value)).toBe('/');
  });

  it('uses the fallback it is given', () => {
    expect(safeNextPath('https://evil.example/', '/profile')).toBe('/profile');
  });
});
