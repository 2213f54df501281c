import type { TFunction } from 'i18next';

import portalEn from '../../i18n/portal.en.json';

// The dashboard's start cards for the teaching pages (timetable, attendance, gradebook,
// grades, report cards) keep their words in the portal catalogue, beside the home pages.

type PortalCardKey = keyof typeof portalEn.dashboard.cards;

function isPortalCardKey(key: string): key is PortalCardKey {
  return Object.hasOwn(portalEn.dashboard.cards, key);
}

export function portalCardText(
  t: TFunction,
  key: string,
): { description: string; action: string } | null {
  if (!isPortalCardKey(key)) return null;
  const translate = t as unknown as (k: string) => string;
  return {
    description: translate(`dashboard.cards.${key}.description`),
    action: translate(`dashboard.cards.${key}.action`),
  };
}
