import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type reportCardsEn from '../../i18n/report-cards.en.json';

// The app-wide i18next types cover the main and records catalogues; the report cards' keys are
// typed from their own catalogue here, so a key that does not exist fails the type check.

type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type ReportCardsKey = KeysOf<typeof reportCardsEn>;
export type ReportCardsT = (
  key: ReportCardsKey,
  values?: Record<string, string | number>,
) => string;

/** `t` restricted to the report-cards catalogue. */
export function useReportCardsT(): ReportCardsT {
  const { t } = useTranslation();
  return useCallback<ReportCardsT>(
    (key, values) => (t as unknown as (k: string, v?: object) => string)(key, values),
    [t],
  );
}
