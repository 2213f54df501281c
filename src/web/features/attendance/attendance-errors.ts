import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import attendanceEn from '../../i18n/attendance.en.json';
import { isApiError } from '../../lib/api-client';
import type { ApiErrorDetail } from '../../lib/api-client';
import { splitErrorDetails } from '../../lib/form-errors';
import {
  recordDetailMessage,
  recordErrorMessage,
  recordExplanation,
} from '../../lib/record-errors';

import { useAttendanceT } from './use-attendance-t';
import type { AttendanceT } from './use-attendance-t';

// Refusals on the attendance screens: our own codes first, then the records' and the shared
// ones. A refused date or period comes back as VALIDATION_FAILED with a field code of ours,
// translated under the headline.

type AttendanceApiCode = keyof typeof attendanceEn.apiErrors;
type AttendanceFieldCode = keyof typeof attendanceEn.attendance.fieldErrors;

function isAttendanceApiCode(code: string): code is AttendanceApiCode {
  return Object.hasOwn(attendanceEn.apiErrors, code);
}

function isAttendanceFieldCode(code: string): code is AttendanceFieldCode {
  return Object.hasOwn(attendanceEn.attendance.fieldErrors, code);
}

export function attendanceErrorMessage(t: TFunction, at: AttendanceT, error: unknown): string {
  if (isApiError(error) && isAttendanceApiCode(error.code)) return at(`apiErrors.${error.code}`);
  return recordErrorMessage(t, error);
}

/** Translated lines explaining a refusal, under the headline. */
export function attendanceExplanation(t: TFunction, at: AttendanceT, error: unknown): string[] {
  if (!isApiError(error)) return [];
  if (error.code === 'VALIDATION_FAILED') {
    const ours = error.details.filter((d) => isAttendanceFieldCode(d.code));
    return [...new Set(ours.map((d) => attendanceDetailMessage(t, at, d)))];
  }
  return recordExplanation(error);
}

export function attendanceDetailMessage(
  t: TFunction,
  at: AttendanceT,
  detail: ApiErrorDetail,
): string {
  if (isAttendanceFieldCode(detail.code)) return at(`attendance.fieldErrors.${detail.code}`);
  return recordDetailMessage(t, detail);
}

/** Field messages from a refused attendance request, for the fields a form shows. */
export function useAttendanceFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const { t } = useTranslation();
  const at = useAttendanceT();
  return useMemo(() => {
    const split = splitErrorDetails(error, fields);
    const messages: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const detail = split.fields[field];
      if (detail) messages[field] = attendanceDetailMessage(t, at, detail);
    }
    return messages;
  }, [error, fields, t, at]);
}
