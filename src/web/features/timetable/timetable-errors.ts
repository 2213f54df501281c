import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import timetableEn from '../../i18n/timetable.en.json';
import { isApiError } from '../../lib/api-client';
import type { ApiErrorDetail } from '../../lib/api-client';
import { splitErrorDetails } from '../../lib/form-errors';
import { recordDetailMessage, recordErrorMessage } from '../../lib/record-errors';

import { useTimetableT } from './use-timetable-t';
import type { TimetableT } from './use-timetable-t';

// Refusals on the timetable screens. A clash names what is already in the slot ("Ada Lovelace
// already teaches Mathematics 1B on Monday in Period 1"), which only the server knows, so its
// words are shown under the translated headline.

type TimetableApiCode = keyof typeof timetableEn.apiErrors;
type TimetableFieldCode = keyof typeof timetableEn.timetable.fieldErrors;

function isTimetableApiCode(code: string): code is TimetableApiCode {
  return Object.hasOwn(timetableEn.apiErrors, code);
}

function isTimetableFieldCode(code: string): code is TimetableFieldCode {
  return Object.hasOwn(timetableEn.timetable.fieldErrors, code);
}

export function timetableErrorMessage(t: TFunction, tt: TimetableT, error: unknown): string {
  if (isApiError(error) && isTimetableApiCode(error.code)) return tt(`apiErrors.${error.code}`);
  return recordErrorMessage(t, error);
}

const EXPLAINED = new Set(['TIMETABLE_CONFLICT', 'CONFLICT', 'IN_USE']);

/** The server's own account of a clash or conflict, one line per detail. */
export function timetableExplanation(error: unknown): string[] {
  if (!isApiError(error) || !EXPLAINED.has(error.code)) return [];
  if (error.code === 'TIMETABLE_CONFLICT' && error.details.length > 0) {
    return [...new Set(error.details.map((d) => d.message))];
  }
  return error.message ? [error.message] : [];
}

export function timetableDetailMessage(
  t: TFunction,
  tt: TimetableT,
  detail: ApiErrorDetail,
): string {
  if (isTimetableFieldCode(detail.code)) {
    return tt(`timetable.fieldErrors.${detail.code}`, { detail: detail.message });
  }
  return recordDetailMessage(t, detail);
}

/** Field messages from a refused timetable write, for the fields this form shows. */
export function useTimetableFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const { t } = useTranslation();
  const tt = useTimetableT();
  return useMemo(() => {
    const split = splitErrorDetails(error, fields);
    const messages: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const detail = split.fields[field];
      if (detail) messages[field] = timetableDetailMessage(t, tt, detail);
    }
    return messages;
  }, [error, fields, t, tt]);
}
