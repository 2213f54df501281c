import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

export function deleteGradingScale(id: string): Promise<void> {
  return api.delete(`/api/grading-scales/${encodeURIComponent(id)}`);
}

export function useDeleteGradingScale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteGradingScale,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
