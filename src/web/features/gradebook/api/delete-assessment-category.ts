import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

/** Refused with IN_USE while the category has assessments. */
export function deleteAssessmentCategory(id: string): Promise<void> {
  return api.delete(`/api/assessment-categories/${encodeURIComponent(id)}`);
}

export function useDeleteAssessmentCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAssessmentCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
