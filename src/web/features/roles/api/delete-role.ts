import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import { usersQueryKey } from '../../users/api/users-query-key';

import { rolesQueryKey } from './get-roles';

/** Refused with 409 ROLE_IN_USE while anyone still holds the role. */
export function deleteRole(id: string): Promise<void> {
  return api.delete(`/api/roles/${encodeURIComponent(id)}`);
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRole,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      ]),
  });
}
