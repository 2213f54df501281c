import { queryOptions, useQuery } from '@tanstack/react-query';

import type { StaffClasses } from '../../../../shared/contracts/enrollment.js';
import { api } from '../../../lib/api-client';

import { staffMemberQueryKey } from './staff-query-key';

/** The classes the person teaches in the current and upcoming terms. */
export function listStaffClasses(staffId: string, signal?: AbortSignal): Promise<StaffClasses> {
  return api.get<StaffClasses>(
    `/api/staff/${encodeURIComponent(staffId)}/classes`,
    undefined,
    signal,
  );
}

export function staffClassesQueryOptions(staffId: string) {
  return queryOptions({
    queryKey: [...staffMemberQueryKey(staffId), 'classes'] as const,
    queryFn: ({ signal }) => listStaffClasses(staffId, signal),
  });
}

export function useStaffClasses(staffId: string) {
  return useQuery(staffClassesQueryOptions(staffId));
}
