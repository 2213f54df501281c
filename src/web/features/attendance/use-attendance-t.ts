import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type attendanceEn from '../../i18n/attendance.en.json';

// The app's i18next types know the main and records catalogues only, so the attendance keys
// are typed here from their own catalogue: a misspelt key fails the type check.

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type AttendanceKey = Leaves<typeof attendanceEn>;
export type AttendanceT = (key: AttendanceKey, values?: Record<string, string | number>) => string;

/** `t` restricted to the attendance catalogue's keys. */
export function useAttendanceT(): AttendanceT {
  const { t } = useTranslation();
  return useCallback<AttendanceT>(
    (key, values) => (t as unknown as (k: string, v?: object) => string)(key, values),
    [t],
  );
}
