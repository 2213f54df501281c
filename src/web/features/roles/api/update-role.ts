import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CustomRole, CustomRoleBody } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';
import { sessionQueryKey } from '../../auth/api/get-me';

import { rolesQueryKey } from './get-roles';

export function updateRole(id: string, body: CustomRoleBody): Promise<CustomRole> {
  return api.patch<CustomRole>(`/api/roles/${encodeURIComponent(id)}`, body);
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CustomRoleBody }) => updateRole(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
        // The editor may hold this role, so their own permissions and menu may change.
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}
