import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Me } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { meQueryKey } from './get-me';

/** The one-time link a new school's first admin gets from sign-up opens their first session. */
export function signInWithLink(body: { token: string }): Promise<Me> {
  return api.post<Me>('/api/auth/sign-in-link', body);
}

export function useSignInWithLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signInWithLink,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
