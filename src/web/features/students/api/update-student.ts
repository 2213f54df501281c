import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Student, UpdateStudentBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { studentQueryKey, studentsQueryKey } from './students-query-key';

export function updateStudent(id: string, body: UpdateStudentBody): Promise<Student> {
  return api.patch<Student>(`/api/students/${encodeURIComponent(id)}`, body);
}

export function useUpdateStudent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStudentBody) => updateStudent(id, body),
    onSuccess: async (student) => {
      queryClient.setQueryData(studentQueryKey(id), student);
      await queryClient.invalidateQueries({ queryKey: studentsQueryKey });
    },
  });
}
