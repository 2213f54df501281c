import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { InviteUserBody, User } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { usersQueryKey } from './users-query-key';

/** Creates the account as "invited" and emails the person a link to join. */
export function inviteUser(body: InviteUserBody): Promise<User> {
  return api.post<User>('/api/users', body);
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
