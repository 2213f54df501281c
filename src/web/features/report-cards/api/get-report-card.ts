import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ReportCard } from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** A published card (the snapshot). */
export function getReportCard(
  termId: string,
  studentId: string,
  signal?: AbortSignal,
): Promise<ReportCard> {
  return api.get<ReportCard>(
    `/api/report-cards/terms/${encodeURIComponent(termId)}/students/${encodeURIComponent(studentId)}`,
    undefined,
    signal,
  );
}

export function reportCardQueryOptions(termId: string, studentId: string) {
  return queryOptions({
    queryKey: [...reportCardsQueryKey, 'card', termId, studentId] as const,
    queryFn: ({ signal }) => getReportCard(termId, studentId, signal),
  });
}

export function useReportCard(card: { termId: string; studentId: string } | null) {
  return useQuery({
    ...reportCardQueryOptions(card?.termId ?? '', card?.studentId ?? ''),
    enabled: card !== null,
  });
}
