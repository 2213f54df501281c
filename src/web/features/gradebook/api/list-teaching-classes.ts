import { queryOptions, useQuery } from '@tanstack/react-query';

import type { MyClasses } from '../../../../shared/contracts/enrollment.js';
import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

/** The classes the signed-in teacher teaches (current and upcoming terms), from /api/me/classes. */
export function listTeachingClasses(signal?: AbortSignal): Promise<MyClasses['teaching']> {
  return api.get<MyClasses>('/api/me/classes', undefined, signal).then((mine) => mine.teaching);
}

export function teachingClassesQueryOptions() {
  return queryOptions({
    queryKey: [...gradebookQueryKey, 'teaching-classes'] as const,
    queryFn: ({ signal }) => listTeachingClasses(signal),
    staleTime: 60_000,
  });
}

export function useTeachingClasses(enabled: boolean) {
  return useQuery({ ...teachingClassesQueryOptions(), enabled });
}
