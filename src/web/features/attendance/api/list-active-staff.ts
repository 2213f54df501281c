import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Staff } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';
import { collectPages } from '../../../lib/collect-pages';

import { attendanceQueryKey } from './attendance-query-key';

/** The school's active staff by name, to choose whom an unlock is for. */
export function listActiveStaff(signal?: AbortSignal): Promise<Staff[]> {
  return collectPages((cursor) =>
    api.get<Page<Staff>>(
      '/api/staff',
      { status: 'active', sort: 'name', cursor, limit: 200 },
      signal,
    ),
  );
}

export function useActiveStaff(enabled: boolean) {
  return useQuery({
    ...queryOptions({
      queryKey: [...attendanceQueryKey, 'active-staff'] as const,
      queryFn: ({ signal }) => listActiveStaff(signal),
      staleTime: 60_000,
    }),
    enabled,
  });
}
