import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Me } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { meQueryKey } from './get-me';

export interface AcceptInvitationInput {
  token: string;
  password: string;
  name?: string;
}

export function acceptInvitation(body: AcceptInvitationInput): Promise<Me> {
  return api.post<Me>('/api/auth/invitations/accept', body);
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
