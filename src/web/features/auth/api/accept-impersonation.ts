import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Me } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { meQueryKey } from './get-me';

export function acceptImpersonation(body: { token: string }): Promise<Me> {
  return api.post<Me>('/api/auth/impersonation/accept', body);
}

export function useAcceptImpersonation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptImpersonation,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
