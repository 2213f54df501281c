import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { User } from '../../../../shared/contracts/identity.js';
import type { LinkAccountBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import { usersQueryKey } from '../../users/api/users-query-key';

import { studentQueryKey } from './students-query-key';

/** An invited account with the student role, linked to the record; the invitation is emailed. */
export function createStudentAccount(studentId: string, body: LinkAccountBody): Promise<User> {
  return api.post<User>(`/api/students/${encodeURIComponent(studentId)}/account`, body);
}

export function useCreateStudentAccount(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkAccountBody) => createStudentAccount(studentId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentQueryKey(studentId) }),
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      ]),
  });
}
