import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

// Not in the shared contract yet; the shape the platform API documents for its school list.
export interface PlatformSchool {
  id: string;
  slug: string;
  name: string;
  status: string;
  planId: string;
  createdAt: string;
}

export const schoolsQueryKey = ['schools'] as const;

const PAGE_SIZE = 50;

export function listSchools(
  q: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<PlatformSchool>> {
  return api.get<Page<PlatformSchool>>('/api/schools', { q, cursor, limit: PAGE_SIZE }, signal);
}

export function schoolsQueryOptions(q: string) {
  return infiniteQueryOptions({
    queryKey: [...schoolsQueryKey, { q }] as const,
    queryFn: ({ pageParam, signal }) => listSchools(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSchools(q: string) {
  return useInfiniteQuery({ ...schoolsQueryOptions(q), placeholderData: keepPreviousData });
}
