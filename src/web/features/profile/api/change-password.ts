import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Revokes every session of this person; the answer carries a fresh cookie for this browser. */
export function changePassword(body: ChangePasswordInput): Promise<void> {
  return api.post('/api/me/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
