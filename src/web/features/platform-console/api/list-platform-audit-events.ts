import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import type { PlatformAuditEvent } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

export const platformAuditQueryKey = ['platform-audit-events'] as const;

const PAGE_SIZE = 50;

export function listPlatformAuditEvents(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<PlatformAuditEvent>> {
  return api.get<Page<PlatformAuditEvent>>(
    '/api/platform-audit-events',
    { cursor, limit: PAGE_SIZE },
    signal,
  );
}

export function platformAuditQueryOptions() {
  return infiniteQueryOptions({
    queryKey: platformAuditQueryKey,
    queryFn: ({ pageParam, signal }) => listPlatformAuditEvents(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePlatformAuditEvents() {
  return useInfiniteQuery(platformAuditQueryOptions());
}
