import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

/** Deletes the assessment and every score recorded on it. */
export function deleteAssessment(id: string): Promise<void> {
  return api.delete(`/api/assessments/${encodeURIComponent(id)}`);
}

export function useDeleteAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAssessment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
