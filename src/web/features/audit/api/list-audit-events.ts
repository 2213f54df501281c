import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import type { AuditEvent, AuditListQuery } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

export type AuditFilters = Pick<
  AuditListQuery,
  'action' | 'entityType' | 'actorUserId' | 'from' | 'to'
>;

export const auditEventsQueryKey = ['audit-events'] as const;

const PAGE_SIZE = 50;

export function listAuditEvents(
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<AuditEvent>> {
  return api.get<Page<AuditEvent>>(
    '/api/audit-events',
    { ...filters, cursor, limit: PAGE_SIZE },
    signal,
  );
}

export function auditEventsQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [...auditEventsQueryKey, filters] as const,
    queryFn: ({ pageParam, signal }) => listAuditEvents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    ...auditEventsQueryOptions(filters),
    placeholderData: keepPreviousData,
  });
}
