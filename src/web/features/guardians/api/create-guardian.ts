import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreateGuardianBody, Guardian } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { guardiansQueryKey } from './guardians-query-key';

export function createGuardian(body: CreateGuardianBody): Promise<Guardian> {
  return api.post<Guardian>('/api/guardians', body);
}

export function useCreateGuardian() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGuardian,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guardiansQueryKey }),
  });
}
