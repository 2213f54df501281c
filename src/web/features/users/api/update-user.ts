import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { UpdateUserBody, User } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';
import { sessionQueryKey } from '../../auth/api/get-me';
import { rolesQueryKey } from '../../roles/api/get-roles';

import { userQueryKey } from './get-user';
import { usersQueryKey } from './users-query-key';

export function updateUser(id: string, body: UpdateUserBody): Promise<User> {
  return api.patch<User>(`/api/users/${encodeURIComponent(id)}`, body);
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => updateUser(id, body),
    onSuccess: async (user) => {
      queryClient.setQueryData(userQueryKey(id), user);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
        // Custom roles count the people holding them.
        queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
        // An admin may have changed their own roles, and with them their menu.
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      ]);
    },
  });
}
