import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { User } from '../../../../shared/contracts/identity.js';
import type { LinkAccountBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import { usersQueryKey } from '../../users/api/users-query-key';

import { staffMemberQueryKey } from './staff-query-key';

/** An invited account (teacher role for a teacher, else staff) linked to the record. */
export function createStaffAccount(staffId: string, body: LinkAccountBody): Promise<User> {
  return api.post<User>(`/api/staff/${encodeURIComponent(staffId)}/account`, body);
}

export function useCreateStaffAccount(staffId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkAccountBody) => createStaffAccount(staffId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffMemberQueryKey(staffId) }),
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      ]),
  });
}
