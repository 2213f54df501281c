import type { Locale } from '../../../shared/boot.js';
import { buildUrl } from '../../lib/api-client';

/** The PDF of a published card; the server sends it as a download. */
export function reportCardPdfUrl(termId: string, studentId: string, locale?: Locale): string {
  return buildUrl(
    `/api/report-cards/terms/${encodeURIComponent(termId)}/students/${encodeURIComponent(studentId)}/pdf`,
    { locale },
  );
}
