import type { TFunction } from 'i18next';

import reportCardsEn from '../../i18n/report-cards.en.json';
import { isApiError } from '../../lib/api-client';
import { recordErrorMessage } from '../../lib/record-errors';

import type { ReportCardsT } from './use-report-cards-t';

// Refusals on the report-card screens: the report cards' own codes have sentences in their
// catalogue; everything else falls back to the shared records messages.

type ReportCardsApiCode = keyof typeof reportCardsEn.apiErrors;

function isReportCardsApiCode(code: string): code is ReportCardsApiCode {
  return Object.hasOwn(reportCardsEn.apiErrors, code);
}

export function reportCardsErrorMessage(t: TFunction, rt: ReportCardsT, error: unknown): string {
  if (isApiError(error) && isReportCardsApiCode(error.code)) return rt(`apiErrors.${error.code}`);
  return recordErrorMessage(t, error);
}
