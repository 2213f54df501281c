import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Guardian, UpdateGuardianBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import { studentsQueryKey } from '../../students/api/students-query-key';

import { guardianQueryKey, guardiansQueryKey } from './guardians-query-key';

export function updateGuardian(id: string, body: UpdateGuardianBody): Promise<Guardian> {
  return api.patch<Guardian>(`/api/guardians/${encodeURIComponent(id)}`, body);
}

export function useUpdateGuardian(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGuardianBody) => updateGuardian(id, body),
    onSuccess: async (guardian) => {
      queryClient.setQueryData(guardianQueryKey(id), guardian);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: guardiansQueryKey }),
        // Student pages show their guardians' names and contact details.
        queryClient.invalidateQueries({ queryKey: studentsQueryKey }),
      ]);
    },
  });
}
