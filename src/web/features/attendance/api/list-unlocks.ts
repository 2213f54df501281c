import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import type { Unlock } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export const unlocksQueryKey = [...attendanceQueryKey, 'unlocks'] as const;

export function listUnlocks(cursor: string | null, signal?: AbortSignal): Promise<Page<Unlock>> {
  return api.get<Page<Unlock>>('/api/attendance/unlocks', { cursor, limit: 50 }, signal);
}

export function unlocksQueryOptions() {
  return infiniteQueryOptions({
    queryKey: unlocksQueryKey,
    queryFn: ({ pageParam, signal }) => listUnlocks(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useUnlocks(enabled: boolean) {
  return useInfiniteQuery({ ...unlocksQueryOptions(), enabled });
}
