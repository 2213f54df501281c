import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';

import { NAVIGATION } from '../../shared/permissions.js';
import { createI18n } from '../i18n/i18n';

import { navLabel } from './nav-labels';

describe('navigation labels', () => {
  it.each(['en', 'ar'] as const)('name every menu entry in %s, never by its key', (locale) => {
    const t = createI18n(locale).t as TFunction;
    for (const entry of NAVIGATION) {
      const label = navLabel(t, entry);
      expect(label, entry.key).not.toBe(entry.key);
      expect(label, entry.key).not.toBe(entry.labelKey);
    }
  });
});
