import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import type { Roster } from '../../../../shared/contracts/enrollment.js';
import { api } from '../../../lib/api-client';

import { classQueryKey } from './classes-query-key';

const PAGE_SIZE = 100;

export function classRosterQueryKey(classId: string) {
  return [...classQueryKey(classId), 'roster'] as const;
}

/** The students in the class today (the school's today), a page at a time. */
export function getClassRoster(
  classId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Roster> {
  return api.get<Roster>(
    `/api/classes/${encodeURIComponent(classId)}/roster`,
    { cursor, limit: PAGE_SIZE },
    signal,
  );
}

export function classRosterQueryOptions(classId: string) {
  return infiniteQueryOptions({
    queryKey: classRosterQueryKey(classId),
    queryFn: ({ pageParam, signal }) => getClassRoster(classId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useClassRoster(classId: string) {
  return useInfiniteQuery(classRosterQueryOptions(classId));
}
