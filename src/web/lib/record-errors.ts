import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import recordsEn from '../i18n/records.en.json';

import { isApiError } from './api-client';
import type { ApiErrorDetail } from './api-client';
import { apiErrorMessage, detailMessage } from './error-messages';
import { splitErrorDetails } from './form-errors';

// The school-records screens add error codes of their own (IN_USE, ADMISSION_NUMBER_TAKEN, ...)
// and field codes (a date outside its year, a taken code). Their sentences live in
// records.en.json; everything else falls back to the shared messages.

type RecordApiCode = keyof typeof recordsEn.apiErrors;
type RecordFieldCode = keyof typeof recordsEn.records.fieldErrors;

function isRecordApiCode(code: string): code is RecordApiCode {
  return Object.hasOwn(recordsEn.apiErrors, code);
}

function isRecordFieldCode(code: string): code is RecordFieldCode {
  return Object.hasOwn(recordsEn.records.fieldErrors, code);
}

export function recordErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && isRecordApiCode(error.code)) return t(`apiErrors.${error.code}`);
  return apiErrorMessage(t, error);
}

// These refusals depend on what else is in the school ("used by 3 classes", "enrolled →
// applicant") or in the file ("line 4 is not UTF-8"), which only the server knows, so its own
// words are shown beside ours.
const EXPLAINED = new Set([
  'IN_USE',
  'CONFLICT',
  'RULE_VIOLATION',
  'INVALID_TRANSITION',
  'PLAN_LIMIT_REACHED',
  'STUDENT_NOT_ENROLLABLE',
  'ENROLLMENT_STARTED',
  'ENROLLMENT_ENDED',
  'INVALID_CSV',
  'TOO_MANY_ROWS',
  'IMPORT_INVALID',
  'PAYLOAD_TOO_LARGE',
]);

/** The server's explanation of a refusal, and for IN_USE what still depends on the record. */
export function recordExplanation(error: unknown): string[] {
  if (!isApiError(error) || !EXPLAINED.has(error.code)) return [];
  const lines = error.message ? [error.message] : [];
  if (error.code === 'IN_USE') {
    for (const detail of error.details) {
      if (!lines.some((line) => line.includes(detail.message))) lines.push(detail.message);
    }
  }
  return lines;
}

export function recordDetailMessage(t: TFunction, detail: ApiErrorDetail): string {
  if (isRecordFieldCode(detail.code)) return t(`records.fieldErrors.${detail.code}`);
  return detailMessage(t, detail);
}

/** Field messages from a refused write, for the fields this form shows. */
export function useRecordFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const { t } = useTranslation();
  return useMemo(() => {
    const split = splitErrorDetails(error, fields);
    const messages: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const detail = split.fields[field];
      if (detail) messages[field] = recordDetailMessage(t, detail);
    }
    return messages;
  }, [error, fields, t]);
}
