import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SchoolClass, UpdateClassBody } from '../../../../shared/contracts/academics.js';
import { api } from '../../../lib/api-client';

import { classesQueryKey, classQueryKey } from './classes-query-key';

export function updateClass(id: string, body: UpdateClassBody): Promise<SchoolClass> {
  return api.patch<SchoolClass>(`/api/classes/${encodeURIComponent(id)}`, body);
}

export function useUpdateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateClassBody }) => updateClass(id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(classQueryKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: classesQueryKey });
    },
  });
}
