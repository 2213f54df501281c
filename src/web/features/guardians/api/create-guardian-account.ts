import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { User } from '../../../../shared/contracts/identity.js';
import type { LinkAccountBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import { usersQueryKey } from '../../users/api/users-query-key';

import { guardianQueryKey } from './guardians-query-key';

/** An invited account with the guardian role, linked to the record; the invitation is emailed. */
export function createGuardianAccount(guardianId: string, body: LinkAccountBody): Promise<User> {
  return api.post<User>(`/api/guardians/${encodeURIComponent(guardianId)}/account`, body);
}

export function useCreateGuardianAccount(guardianId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkAccountBody) => createGuardianAccount(guardianId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: guardianQueryKey(guardianId) }),
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      ]),
  });
}
