import type { TFunction } from 'i18next';

import attendanceEn from '../i18n/attendance.en.json';
import en from '../i18n/en.json';
import gradebookEn from '../i18n/gradebook.en.json';
import recordsEn from '../i18n/records.en.json';
import reportCardsEn from '../i18n/report-cards.en.json';
import timetableEn from '../i18n/timetable.en.json';

const NAV = {
  ...en.nav,
  ...recordsEn.nav,
  ...timetableEn.nav,
  ...attendanceEn.nav,
  ...gradebookEn.nav,
  ...reportCardsEn.nav,
};

type NavKey = Exclude<keyof typeof NAV, 'label' | 'toggle'>;

function isNavKey(key: string): key is NavKey {
  return key !== 'label' && key !== 'toggle' && Object.hasOwn(NAV, key);
}

/**
 * The label of a navigation entry from the server. Its labelKey (`nav.users`) names a key in
 * the catalogues; an entry this build does not know yet shows its key rather than nothing.
 */
export function navLabel(t: TFunction, item: { key: string; labelKey: string }): string {
  const key = item.labelKey.startsWith('nav.') ? item.labelKey.slice('nav.'.length) : '';
  return isNavKey(key) ? t(`nav.${key}`) : item.key;
}
