import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** Always answers 202, whether or not the address has an account, so none can be probed. */
export function requestPasswordReset(body: { email: string }): Promise<void> {
  return api.post('/api/auth/password-reset', body);
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
