import { queryOptions, useQuery } from '@tanstack/react-query';

import type { User } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { usersQueryKey } from './users-query-key';

export function userQueryKey(id: string) {
  return [...usersQueryKey, 'detail', id] as const;
}

export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return api.get<User>(`/api/users/${encodeURIComponent(id)}`, undefined, signal);
}

export function userQueryOptions(id: string) {
  return queryOptions({ queryKey: userQueryKey(id), queryFn: ({ signal }) => getUser(id, signal) });
}

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
