import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CustomRole, CustomRoleBody } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { rolesQueryKey } from './get-roles';

export function createRole(body: CustomRoleBody): Promise<CustomRole> {
  return api.post<CustomRole>('/api/roles', body);
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
  });
}
