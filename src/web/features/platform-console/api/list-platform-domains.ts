import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import type { DomainStatusValue, PlatformDomain } from '../../../../shared/contracts/domains.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

export const platformDomainsQueryKey = ['platform-domains'] as const;

export interface PlatformDomainFilters {
  q: string;
  status: DomainStatusValue | '';
}

const PAGE_SIZE = 50;

export function listPlatformDomains(
  filters: PlatformDomainFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<PlatformDomain>> {
  return api.get<Page<PlatformDomain>>(
    '/api/domains',
    { q: filters.q, status: filters.status, cursor, limit: PAGE_SIZE },
    signal,
  );
}

export function platformDomainsQueryOptions(filters: PlatformDomainFilters) {
  return infiniteQueryOptions({
    queryKey: [...platformDomainsQueryKey, filters] as const,
    queryFn: ({ pageParam, signal }) => listPlatformDomains(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePlatformDomains(filters: PlatformDomainFilters) {
  return useInfiniteQuery({
    ...platformDomainsQueryOptions(filters),
    placeholderData: keepPreviousData,
  });
}
