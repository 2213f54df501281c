import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type portalEn from '../../i18n/portal.en.json';

// The app's i18next types cover the main and records catalogues; the home pages' keys are
// typed from their own catalogue here, so a key that does not exist fails the type check.

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type PortalKey = Leaves<typeof portalEn>;
export type PortalT = (key: PortalKey, values?: Record<string, string | number>) => string;

/** `t` for the portal catalogue's keys. */
export function usePortalT(): PortalT {
  const { t } = useTranslation();
  return useCallback<PortalT>(
    (key, values) => (t as unknown as (k: string, v?: object) => string)(key, values),
    [t],
  );
}
