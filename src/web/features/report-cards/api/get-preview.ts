import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ReportCardContentBody } from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** A student's card computed now (not stored). */
export function getPreview(
  termId: string,
  studentId: string,
  signal?: AbortSignal,
): Promise<ReportCardContentBody> {
  return api.get<ReportCardContentBody>('/api/report-cards/preview', { termId, studentId }, signal);
}

export function previewQueryOptions(termId: string, studentId: string) {
  return queryOptions({
    queryKey: [...reportCardsQueryKey, 'preview', termId, studentId] as const,
    queryFn: ({ signal }) => getPreview(termId, studentId, signal),
  });
}

export function usePreview(termId: string, studentId: string | null) {
  return useQuery({
    ...previewQueryOptions(termId, studentId ?? ''),
    enabled: termId !== '' && studentId !== null,
  });
}
