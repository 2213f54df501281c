import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';

import type { Guardian, GuardianListQuery } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

import { guardiansQueryKey } from './guardians-query-key';

export type GuardianFilters = Pick<GuardianListQuery, 'q' | 'order'>;

const PAGE_SIZE = 50;

/** Searches names, email addresses and phone numbers. */
export function listGuardians(
  filters: GuardianFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = PAGE_SIZE,
): Promise<Page<Guardian>> {
  return api.get<Page<Guardian>>('/api/guardians', { ...filters, cursor, limit }, signal);
}

export function guardiansListQueryOptions(filters: GuardianFilters) {
  return infiniteQueryOptions({
    queryKey: [...guardiansQueryKey, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) => listGuardians(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useGuardians(filters: GuardianFilters) {
  return useInfiniteQuery({
    ...guardiansListQueryOptions(filters),
    placeholderData: keepPreviousData,
  });
}

/** A short list of matches for a picker (linking a guardian to a student). */
export function useGuardianSearch(q: string) {
  return useQuery({
    queryKey: [...guardiansQueryKey, 'search', q] as const,
    queryFn: ({ signal }) => listGuardians({ q: q || undefined }, null, signal, 20),
    placeholderData: keepPreviousData,
  });
}
