import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Student } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';
import { collectPages } from '../../../lib/collect-pages';

import { attendanceQueryKey } from './attendance-query-key';

/**
 * The students the signed-in person may see: a student herself, a guardian her children (the
 * server scopes `/api/students`). Used to pick whose attendance to show.
 */
export function listMyStudents(signal?: AbortSignal): Promise<Student[]> {
  return collectPages(
    (cursor) => api.get<Page<Student>>('/api/students', { cursor, limit: 50 }, signal),
    4,
  );
}

export function useMyStudents(enabled: boolean) {
  return useQuery({
    ...queryOptions({
      queryKey: [...attendanceQueryKey, 'my-students'] as const,
      queryFn: ({ signal }) => listMyStudents(signal),
      staleTime: 60_000,
    }),
    enabled,
  });
}
