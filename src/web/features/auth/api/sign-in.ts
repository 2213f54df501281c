import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Me, SignInBody } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { meQueryKey } from './get-me';

export function signIn(body: SignInBody): Promise<Me> {
  return api.post<Me>('/api/auth/sign-in', body);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      // Nothing cached for a previous visitor may show through to this one.
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
