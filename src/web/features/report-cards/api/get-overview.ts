import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import type { Overview } from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

const PAGE_SIZE = 100;

export interface OverviewFilters {
  termId: string;
  sectionId?: string;
}

/** The term's students with their missing comments and cards, and the term's publication. */
export function getOverview(
  filters: OverviewFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Overview> {
  return api.get<Overview>('/api/report-cards', { ...filters, cursor, limit: PAGE_SIZE }, signal);
}

export function overviewQueryOptions(filters: OverviewFilters) {
  return infiniteQueryOptions({
    queryKey: [...reportCardsQueryKey, 'overview', filters] as const,
    queryFn: ({ pageParam, signal }) => getOverview(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useOverview(filters: OverviewFilters) {
  return useInfiniteQuery({
    ...overviewQueryOptions(filters),
    enabled: filters.termId !== '',
    placeholderData: keepPreviousData,
  });
}
