import { queryOptions, useQuery } from '@tanstack/react-query';

import type { GuardianStudent } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { guardianQueryKey } from './guardians-query-key';

/** The guardian's children that the actor may see, with the flags of each link. */
export function listGuardianStudents(
  guardianId: string,
  signal?: AbortSignal,
): Promise<{ items: GuardianStudent[] }> {
  return api.get<{ items: GuardianStudent[] }>(
    `/api/guardians/${encodeURIComponent(guardianId)}/students`,
    undefined,
    signal,
  );
}

export function guardianStudentsQueryOptions(guardianId: string) {
  return queryOptions({
    queryKey: [...guardianQueryKey(guardianId), 'students'] as const,
    queryFn: ({ signal }) => listGuardianStudents(guardianId, signal),
  });
}

export function useGuardianStudents(guardianId: string) {
  return useQuery(guardianStudentsQueryOptions(guardianId));
}
