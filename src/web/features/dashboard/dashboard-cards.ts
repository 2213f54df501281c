import type { TFunction } from 'i18next';

import en from '../../i18n/en.json';
import { portalCardText } from '../portal/portal-cards';

type CardKey = Exclude<keyof typeof en.dashboard.cards, 'other'>;

/** The dashboard leaves out the pages it is itself and the profile, which the menu holds. */
export const NOT_A_STARTING_POINT = new Set(['dashboard', 'profile']);

function isCardKey(key: string): key is CardKey {
  return key !== 'other' && Object.hasOwn(en.dashboard.cards, key);
}

export function cardText(t: TFunction, key: string): { description: string; action: string } {
  if (isCardKey(key)) {
    return {
      description: t(`dashboard.cards.${key}.description`),
      action: t(`dashboard.cards.${key}.action`),
    };
  }
  const teaching = portalCardText(t, key);
  if (teaching) return teaching;
  return {
    description: t('dashboard.cards.other.description'),
    action: t('dashboard.cards.other.action'),
  };
}
