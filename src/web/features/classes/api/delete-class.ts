import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { classesQueryKey, classQueryKey } from './classes-query-key';

/** Refused with IN_USE once the class has enrollments or other records. */
export function deleteClass(id: string): Promise<void> {
  return api.delete(`/api/classes/${encodeURIComponent(id)}`);
}

export function useDeleteClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteClass,
    onSuccess: async (_result, id) => {
      queryClient.removeQueries({ queryKey: classQueryKey(id) });
      await queryClient.invalidateQueries({ queryKey: classesQueryKey });
    },
  });
}
