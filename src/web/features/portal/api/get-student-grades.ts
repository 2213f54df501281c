import { queryOptions, useQuery } from '@tanstack/react-query';

import type { StudentGrades } from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

/** A student's grades in the current term (published ones only, for herself and family). */
export function getStudentGrades(studentId: string, signal?: AbortSignal): Promise<StudentGrades> {
  return api.get<StudentGrades>(
    `/api/students/${encodeURIComponent(studentId)}/grades`,
    undefined,
    signal,
  );
}

export function studentGradesQueryOptions(studentId: string) {
  return queryOptions({
    // Under the gradebook key, which every gradebook write invalidates.
    queryKey: ['gradebook', 'portal', 'student', studentId] as const,
    queryFn: ({ signal }) => getStudentGrades(studentId, signal),
  });
}

export function useStudentGrades(studentId: string) {
  return useQuery(studentGradesQueryOptions(studentId));
}
