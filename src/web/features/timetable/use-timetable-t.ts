import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type timetableEn from '../../i18n/timetable.en.json';

// The app's i18next types list the main and records catalogues only; the timetable's own keys
// are typed here from its catalogue, so a misspelt key still fails the type check.

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type TimetableKey = Leaves<typeof timetableEn>;
export type TimetableT = (key: TimetableKey, values?: Record<string, string | number>) => string;

/** `t` for the timetable catalogue's keys. */
export function useTimetableT(): TimetableT {
  const { t } = useTranslation();
  return useCallback<TimetableT>(
    (key, values) => (t as unknown as (k: string, v?: object) => string)(key, values),
    [t],
  );
}
