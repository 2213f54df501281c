import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import type { OutboxMessage } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

export const outboxQueryKey = ['outbox'] as const;

const PAGE_SIZE = 20;

export function listOutbox(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<OutboxMessage>> {
  return api.get<Page<OutboxMessage>>('/api/outbox', { cursor, limit: PAGE_SIZE }, signal);
}

export function outboxQueryOptions() {
  return infiniteQueryOptions({
    queryKey: outboxQueryKey,
    queryFn: ({ pageParam, signal }) => listOutbox(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useOutbox() {
  return useInfiniteQuery(outboxQueryOptions());
}
