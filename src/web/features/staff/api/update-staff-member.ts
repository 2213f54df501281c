import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Staff, UpdateStaffBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { staffMemberQueryKey, staffQueryKey } from './staff-query-key';

export function updateStaffMember(id: string, body: UpdateStaffBody): Promise<Staff> {
  return api.patch<Staff>(`/api/staff/${encodeURIComponent(id)}`, body);
}

export function useUpdateStaffMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStaffBody) => updateStaffMember(id, body),
    onSuccess: async (member) => {
      queryClient.setQueryData(staffMemberQueryKey(id), member);
      await queryClient.invalidateQueries({ queryKey: staffQueryKey });
    },
  });
}
