import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Staff } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { staffMemberQueryKey, staffQueryKey } from './staff-query-key';

/** Archive someone who has left (kept for history), or make them active again. */
export function setStaffArchived(id: string, archived: boolean): Promise<Staff> {
  const action = archived ? 'archive' : 'restore';
  return api.post<Staff>(`/api/staff/${encodeURIComponent(id)}/${action}`);
}

export function useSetStaffArchived(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => setStaffArchived(id, archived),
    onSuccess: async (member) => {
      queryClient.setQueryData(staffMemberQueryKey(id), member);
      await queryClient.invalidateQueries({ queryKey: staffQueryKey });
    },
  });
}
