import type { TFunction } from 'i18next';

import en from '../i18n/en.json';
import recordsEn from '../i18n/records.en.json';

const NAV = { ...en.nav, ...recordsEn.nav };

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
