import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import type { SchoolAdminSummary } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';
import type { SchoolListFilters } from '../school-list-search';

import { schoolListsQueryKey } from './school-keys';

const PAGE_SIZE = 50;

export function listSchools(
  filters: SchoolListFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<SchoolAdminSummary>> {
  return api.get<Page<SchoolAdminSummary>>(
    '/api/schools',
    {
      q: filters.q,
      status: filters.status,
      planId: filters.planId,
      sort: filters.sort,
      order: filters.order,
      cursor,
      limit: PAGE_SIZE,
    },
    signal,
  );
}

export function schoolsQueryOptions(filters: SchoolListFilters) {
  return infiniteQueryOptions({
    queryKey: [...schoolListsQueryKey, filters] as const,
    queryFn: ({ pageParam, signal }) => listSchools(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSchools(filters: SchoolListFilters) {
  // While new filters load, the previous results stay on screen instead of a spinner.
  return useInfiniteQuery({ ...schoolsQueryOptions(filters), placeholderData: keepPreviousData });
}
