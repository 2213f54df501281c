import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

export function deleteComment(id: string): Promise<void> {
  return api.delete(`/api/report-cards/comments/${encodeURIComponent(id)}`);
}

export function useDeleteComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportCardsQueryKey }),
  });
}
