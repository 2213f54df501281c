import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import gradebookEn from '../../i18n/gradebook.en.json';
import { isApiError } from '../../lib/api-client';
import type { ApiErrorDetail } from '../../lib/api-client';
import { splitErrorDetails } from '../../lib/form-errors';
import { recordDetailMessage, recordErrorMessage } from '../../lib/record-errors';

import { useGradebookT } from './use-gradebook-t';
import type { GradebookT } from './use-gradebook-t';

// Refusals on the gradebook screens: the gradebook's own codes and field codes have sentences
// in its catalogue; everything else falls back to the shared records messages.

type GradebookApiCode = keyof typeof gradebookEn.apiErrors;
type GradebookFieldCode = keyof typeof gradebookEn.gradebook.fieldErrors;

function isGradebookApiCode(code: string): code is GradebookApiCode {
  return Object.hasOwn(gradebookEn.apiErrors, code);
}

function isGradebookFieldCode(code: string): code is GradebookFieldCode {
  return Object.hasOwn(gradebookEn.gradebook.fieldErrors, code);
}

export function gradebookErrorMessage(t: TFunction, gt: GradebookT, error: unknown): string {
  if (isApiError(error) && isGradebookApiCode(error.code)) return gt(`apiErrors.${error.code}`);
  return recordErrorMessage(t, error);
}

// These depend on what else is recorded ("a score of 12 points is already recorded", "this
// category still has 3 assessments"), which only the server knows.
const EXPLAINED = new Set(['IN_USE', 'CONFLICT', 'RULE_VIOLATION']);

export function gradebookExplanation(error: unknown): string | null {
  if (!isApiError(error) || !EXPLAINED.has(error.code) || error.message === '') return null;
  return error.message;
}

export function gradebookDetailMessage(
  t: TFunction,
  gt: GradebookT,
  detail: ApiErrorDetail,
): string {
  if (isGradebookFieldCode(detail.code)) return gt(`gradebook.fieldErrors.${detail.code}`);
  return recordDetailMessage(t, detail);
}

/** Field messages from a refused write, for the fields the form shows (dotted paths allowed). */
export function useGradebookFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const { t } = useTranslation();
  const gt = useGradebookT();
  return useMemo(() => {
    const messages: Partial<Record<F, string>> = {};
    if (!isApiError(error)) return messages;
    // Exact paths first (`bands.2.label`), then the field a nested path starts with.
    for (const detail of error.details) {
      const exact = fields.find((f) => f === detail.field);
      if (exact !== undefined && messages[exact] === undefined) {
        messages[exact] = gradebookDetailMessage(t, gt, detail);
      }
    }
    const split = splitErrorDetails(error, fields);
    for (const field of fields) {
      const detail = split.fields[field];
      if (detail && messages[field] === undefined) {
        messages[field] = gradebookDetailMessage(t, gt, detail);
      }
    }
    return messages;
  }, [error, fields, t, gt]);
}
