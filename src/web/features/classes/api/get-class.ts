import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SchoolClass } from '../../../../shared/contracts/academics.js';
import { api } from '../../../lib/api-client';

import { classQueryKey } from './classes-query-key';

export function getClass(id: string, signal?: AbortSignal): Promise<SchoolClass> {
  return api.get<SchoolClass>(`/api/classes/${encodeURIComponent(id)}`, undefined, signal);
}

export function classQueryOptions(id: string) {
  return queryOptions({
    queryKey: classQueryKey(id),
    queryFn: ({ signal }) => getClass(id, signal),
  });
}

export function useClass(id: string) {
  return useQuery(classQueryOptions(id));
}
