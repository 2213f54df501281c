import { queryOptions, useQuery } from '@tanstack/react-query';

import type { StudentClasses } from '../../../../shared/contracts/enrollment.js';
import { api } from '../../../lib/api-client';

import { studentQueryKey } from './students-query-key';

/** The classes the student attends today (the school's today). */
export function listStudentClasses(
  studentId: string,
  signal?: AbortSignal,
): Promise<StudentClasses> {
  return api.get<StudentClasses>(
    `/api/students/${encodeURIComponent(studentId)}/classes`,
    undefined,
    signal,
  );
}

export function studentClassesQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: [...studentQueryKey(studentId), 'classes'] as const,
    queryFn: ({ signal }) => listStudentClasses(studentId, signal),
  });
}

export function useStudentClasses(studentId: string) {
  return useQuery(studentClassesQueryOptions(studentId));
}
