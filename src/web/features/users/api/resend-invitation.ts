import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export function resendInvitation(id: string): Promise<void> {
  return api.post(`/api/users/${encodeURIComponent(id)}/invitation`);
}

export function useResendInvitation(id: string) {
  return useMutation({ mutationFn: () => resendInvitation(id) });
}
