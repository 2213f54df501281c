import { queryOptions, useQuery } from '@tanstack/react-query';

import type { MyClasses } from '../../../../shared/contracts/enrollment.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

/** The classes the signed-in teacher teaches (current and coming terms), to pick a register. */
export function listMyClasses(signal?: AbortSignal): Promise<MyClasses> {
  return api.get<MyClasses>('/api/me/classes', undefined, signal);
}

export function useMyClasses(enabled: boolean) {
  return useQuery({
    ...queryOptions({
      queryKey: [...attendanceQueryKey, 'my-classes'] as const,
      queryFn: ({ signal }) => listMyClasses(signal),
      staleTime: 60_000,
    }),
    enabled,
  });
}
