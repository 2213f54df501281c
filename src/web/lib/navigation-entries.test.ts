import { describe, expect, it } from 'vitest';

import { hasNavigationEntry } from './navigation-entries';

const guardianMenu = {
  items: [
    { key: 'dashboard', labelKey: 'nav.dashboard', path: '/' },
    { key: 'children', labelKey: 'nav.children', path: '/students' },
  ],
};

describe('hasNavigationEntry', () => {
  it('is true when any of the keys is in the navigation', () => {
    expect(hasNavigationEntry(guardianMenu, 'students', 'children')).toBe(true);
  });

  it('is false when none is', () => {
    expect(hasNavigationEntry(guardianMenu, 'guardians')).toBe(false);
  });
});
