import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Guardian } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { guardianQueryKey } from './guardians-query-key';

export function getGuardian(id: string, signal?: AbortSignal): Promise<Guardian> {
  return api.get<Guardian>(`/api/guardians/${encodeURIComponent(id)}`, undefined, signal);
}

export function guardianQueryOptions(id: string) {
  return queryOptions({
    queryKey: guardianQueryKey(id),
    queryFn: ({ signal }) => getGuardian(id, signal),
  });
}

export function useGuardian(id: string) {
  return useQuery(guardianQueryOptions(id));
}
