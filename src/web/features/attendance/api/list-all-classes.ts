import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SchoolClass } from '../../../../shared/contracts/academics.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';
import { collectPages } from '../../../lib/collect-pages';

import { attendanceQueryKey } from './attendance-query-key';

/** Every class of the school by name, for whole-school recorders picking a register. */
export function listAllClasses(signal?: AbortSignal): Promise<SchoolClass[]> {
  return collectPages((cursor) =>
    api.get<Page<SchoolClass>>('/api/classes', { sort: 'name', cursor, limit: 200 }, signal),
  );
}

export function useAllClasses(enabled: boolean) {
  return useQuery({
    ...queryOptions({
      queryKey: [...attendanceQueryKey, 'all-classes'] as const,
      queryFn: ({ signal }) => listAllClasses(signal),
      staleTime: 60_000,
    }),
    enabled,
  });
}
