import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { OperatorMe, OperatorSignInBody } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { operatorSessionQueryKey } from './get-operator';

/** A 401 TOTP_REQUIRED answer means: ask for the authenticator code and send again. */
export function operatorSignIn(body: OperatorSignInBody): Promise<OperatorMe> {
  return api.post<OperatorMe>('/api/auth/sign-in', body);
}

export function useOperatorSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: operatorSignIn,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(operatorSessionQueryKey, me);
    },
  });
}
