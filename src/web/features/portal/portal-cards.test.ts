import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';

import { createI18n } from '../../i18n/i18n';
import portalAr from '../../i18n/portal.ar.json';
import portalEn from '../../i18n/portal.en.json';
import { cardText } from '../dashboard/dashboard-cards';

import { portalCardText } from './portal-cards';

const TEACHING_KEYS = ['timetable', 'attendance', 'gradebook', 'grades', 'report-cards'] as const;

function tFor(locale: 'en' | 'ar'): TFunction {
  return createI18n(locale).t as TFunction;
}

describe('the start cards of the teaching pages', () => {
  it.each(TEACHING_KEYS)('describe %s in English and Arabic', (key) => {
    expect(cardText(tFor('en'), key)).toEqual(portalEn.dashboard.cards[key]);
    expect(cardText(tFor('ar'), key)).toEqual(portalAr.dashboard.cards[key]);
  });

  it('leave the cards of the main catalogue as they were', () => {
    const t = tFor('en');
    expect(portalCardText(t, 'users')).toBeNull();
    expect(cardText(t, 'users').action).toBe('Manage people');
  });

  it('fall back to the generic card for a page nobody described', () => {
    expect(cardText(tFor('en'), 'fees')).toEqual({
      description: 'Open this part of Schoolhouse.',
      action: 'Open',
    });
  });
});
