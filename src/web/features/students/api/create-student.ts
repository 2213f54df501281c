import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreateStudentBody, Student } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { studentsQueryKey } from './students-query-key';

/** Admits a student; refused with PLAN_LIMIT_REACHED when the plan's limit is reached. */
export function createStudent(body: CreateStudentBody): Promise<Student> {
  return api.post<Student>('/api/students', body);
}

export function useCreateStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStudent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studentsQueryKey }),
  });
}
