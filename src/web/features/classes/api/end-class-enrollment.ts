import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  ClassEnrollment,
  EndClassEnrollmentBody,
} from '../../../../shared/contracts/enrollment.js';
import { api } from '../../../lib/api-client';
import { studentsQueryKey } from '../../students/api/students-query-key';

import { classQueryKey } from './classes-query-key';

/** The student leaves the class after `endsOn` (today when left out); history stays. */
export function endClassEnrollment(
  enrollmentId: string,
  body: EndClassEnrollmentBody,
): Promise<ClassEnrollment> {
  return api.post<ClassEnrollment>(
    `/api/enrollments/classes/${encodeURIComponent(enrollmentId)}/end`,
    body,
  );
}

export function useEndClassEnrollment(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enrollmentId, endsOn }: { enrollmentId: string; endsOn?: string }) =>
      endClassEnrollment(enrollmentId, endsOn ? { endsOn } : {}),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: classQueryKey(classId) }),
        queryClient.invalidateQueries({ queryKey: studentsQueryKey }),
      ]),
  });
}
