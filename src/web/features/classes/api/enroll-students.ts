import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  BulkClassEnrollment,
  EnrollInClassBody,
} from '../../../../shared/contracts/enrollment.js';
import { api } from '../../../lib/api-client';
import { studentsQueryKey } from '../../students/api/students-query-key';

import { classQueryKey } from './classes-query-key';

/** All or nothing: one student who cannot join refuses the whole request. */
export function enrollStudents(body: EnrollInClassBody): Promise<BulkClassEnrollment> {
  return api.post<BulkClassEnrollment>('/api/enrollments/classes', body);
}

export function useEnrollStudents(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<EnrollInClassBody, 'classId'>) => enrollStudents({ ...body, classId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: classQueryKey(classId) }),
        // Each student's page lists their classes.
        queryClient.invalidateQueries({ queryKey: studentsQueryKey }),
      ]),
  });
}
