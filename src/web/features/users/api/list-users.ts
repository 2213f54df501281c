import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import type { User, UserListQuery } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

import { usersQueryKey } from './users-query-key';

export type UserFilters = Pick<UserListQuery, 'q' | 'role' | 'status'>;

const PAGE_SIZE = 50;

export function listUsers(
  filters: UserFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<User>> {
  return api.get<Page<User>>('/api/users', { ...filters, cursor, limit: PAGE_SIZE }, signal);
}

export function usersListQueryOptions(filters: UserFilters) {
  return infiniteQueryOptions({
    queryKey: [...usersQueryKey, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) => listUsers(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useUsers(filters: UserFilters) {
  // While new filters load, the previous results stay on screen instead of a spinner.
  return useInfiniteQuery({ ...usersListQueryOptions(filters), placeholderData: keepPreviousData });
}
