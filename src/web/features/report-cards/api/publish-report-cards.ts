import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Publication } from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** Snapshots every card of the term (again, when already published). */
export function publishReportCards(termId: string): Promise<Publication> {
  return api.post<Publication>('/api/report-cards/publish', { termId });
}

export function usePublishReportCards() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishReportCards,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportCardsQueryKey }),
  });
}
