import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SchoolClass } from '../../../../shared/contracts/academics.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';
import { collectPages } from '../../../lib/collect-pages';
import { classesQueryKey } from '../../classes/api/classes-query-key';

/** Every class of one term, by name, for the entry form's class picker. */
export function listTermClasses(termId: string, signal?: AbortSignal): Promise<SchoolClass[]> {
  return collectPages((cursor) =>
    api.get<Page<SchoolClass>>(
      '/api/classes',
      { termId, sort: 'name', cursor, limit: 200 },
      signal,
    ),
  );
}

export function termClassesQueryOptions(termId: string) {
  return queryOptions({
    queryKey: [...classesQueryKey, 'term', termId] as const,
    queryFn: ({ signal }) => listTermClasses(termId, signal),
    staleTime: 60_000,
  });
}

export function useTermClasses(termId: string) {
  return useQuery({ ...termClassesQueryOptions(termId), enabled: termId !== '' });
}
