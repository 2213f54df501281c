import type { TFunction } from 'i18next';

import en from '../i18n/en.json';

import { isApiError } from './api-client';
import type { ApiErrorDetail } from './api-client';

type ApiErrorKey = keyof typeof en.apiErrors;

function isKnownCode(code: string): code is Exclude<ApiErrorKey, 'unknown'> {
  return code !== 'unknown' && Object.hasOwn(en.apiErrors, code);
}

/** The translated sentence for an error code; the server's own text is English only. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && isKnownCode(error.code)) return t(`apiErrors.${error.code}`);
  return t('apiErrors.unknown');
}

// These codes carry a rule the client cannot know (say, "a school keeps at least one admin",
// or "a suspended school cannot be activated"), so the server's explanation is shown beside
// the translated sentence.
const EXPLAINED = new Set(['RULE_VIOLATION', 'CONFLICT', 'INVALID_TRANSITION']);

export function serverExplanation(error: unknown): string | null {
  if (!isApiError(error) || !EXPLAINED.has(error.code) || error.message === '') return null;
  return error.message;
}

/** A field detail from a 400 answer, in words for the person filling in the form. */
export function detailMessage(t: TFunction, detail: ApiErrorDetail): string {
  switch (detail.code) {
    case 'required':
      return t('validation.required');
    case 'format':
      return /email/i.test(detail.field) ? t('validation.email') : t('validation.format');
    case 'pattern':
      return t('validation.format');
    case 'minLength':
      return t('validation.tooShort');
    case 'maxLength':
      return t('validation.tooLong');
    case 'uniqueItems':
      return t('validation.duplicate');
    case 'maxItems':
      return t('validation.tooMany');
    case 'minItems':
      return t('validation.tooFew');
    case 'additionalProperties':
      return t('validation.unknownField');
    default:
      return isKnownCode(detail.code) ? t(`apiErrors.${detail.code}`) : t('validation.invalid');
  }
}
