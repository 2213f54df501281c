import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreateStaffBody, Staff } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { staffQueryKey } from './staff-query-key';

/** Refused with PLAN_LIMIT_REACHED when the plan's staff limit is reached. */
export function createStaffMember(body: CreateStaffBody): Promise<Staff> {
  return api.post<Staff>('/api/staff', body);
}

export function useCreateStaffMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaffMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKey }),
  });
}
