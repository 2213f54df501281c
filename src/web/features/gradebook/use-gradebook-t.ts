import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type gradebookEn from '../../i18n/gradebook.en.json';

// The app-wide i18next types cover the main and records catalogues; the gradebook's keys are
// typed from its own catalogue here, so a key that does not exist fails the type check.

type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type GradebookKey = KeysOf<typeof gradebookEn>;
export type GradebookT = (key: GradebookKey, values?: Record<string, string | number>) => string;

/** `t` restricted to the gradebook catalogue. */
export function useGradebookT(): GradebookT {
  const { t } = useTranslation();
  return useCallback<GradebookT>(
    (key, values) => (t as unknown as (k: string, v?: object) => string)(key, values),
    [t],
  );
}
