import { describe, expect, it } from 'vitest';

import { hasPermission } from './permissions';

describe('hasPermission', () => {
  it('is true for a permission the person holds', () => {
    expect(
      hasPermission({ permissions: ['students:read', 'students:manage'] }, 'students:manage'),
    ).toBe(true);
  });

  it('is false for one they do not hold', () => {
    expect(hasPermission({ permissions: ['students:read'] }, 'students:manage')).toBe(false);
  });
});
