import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Staff } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { staffMemberQueryKey } from './staff-query-key';

export function getStaffMember(id: string, signal?: AbortSignal): Promise<Staff> {
  return api.get<Staff>(`/api/staff/${encodeURIComponent(id)}`, undefined, signal);
}

export function staffMemberQueryOptions(id: string) {
  return queryOptions({
    queryKey: staffMemberQueryKey(id),
    queryFn: ({ signal }) => getStaffMember(id, signal),
  });
}

export function useStaffMember(id: string) {
  return useQuery(staffMemberQueryOptions(id));
}
