import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Roles } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

export const rolesQueryKey = ['roles'] as const;

export function getRoles(signal?: AbortSignal): Promise<Roles> {
  return api.get<Roles>('/api/roles', undefined, signal);
}

export function rolesQueryOptions() {
  return queryOptions({ queryKey: rolesQueryKey, queryFn: ({ signal }) => getRoles(signal) });
}

export function useRoles(options: { enabled?: boolean } = {}) {
  return useQuery({ ...rolesQueryOptions(), ...options });
}
