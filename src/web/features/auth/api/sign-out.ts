import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export function signOut(): Promise<void> {
  return api.post('/api/auth/sign-out');
}

/** The caller leaves the signed-in app first, then clears the cache (see useLeaveSession). */
export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
