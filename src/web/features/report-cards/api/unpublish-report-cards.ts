import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** Hides the term's cards again; the snapshots stay. */
export function unpublishReportCards(termId: string): Promise<void> {
  return api.post('/api/report-cards/unpublish', { termId });
}

export function useUnpublishReportCards() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unpublishReportCards,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportCardsQueryKey }),
  });
}
