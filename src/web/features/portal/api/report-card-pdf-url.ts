import type { Locale } from '../../../../shared/boot.js';
import { buildUrl } from '../../../lib/api-client';

/** A published card as a PDF, which the server sends as a download. */
export function reportCardPdfUrl(termId: string, studentId: string, locale?: Locale): string {
  return buildUrl(
    `/api/report-cards/terms/${encodeURIComponent(termId)}/students/${encodeURIComponent(studentId)}/pdf`,
    { locale },
  );
}
