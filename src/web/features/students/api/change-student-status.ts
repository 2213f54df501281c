import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Student, StudentStatusBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { studentQueryKey, studentsQueryKey } from './students-query-key';

/** Refused with INVALID_TRANSITION when the lifecycle does not allow the move. */
export function changeStudentStatus(id: string, body: StudentStatusBody): Promise<Student> {
  return api.post<Student>(`/api/students/${encodeURIComponent(id)}/status`, body);
}

export function useChangeStudentStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StudentStatusBody) => changeStudentStatus(id, body),
    onSuccess: async (student) => {
      queryClient.setQueryData(studentQueryKey(id), student);
      await queryClient.invalidateQueries({ queryKey: studentsQueryKey });
    },
  });
}
