import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { StudentGrades } from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { studentGradesQueryKey } from './gradebook-query-key';

/** A student's grades in a term; without a term, the current one. */
export function getStudentGrades(
  studentId: string,
  termId: string | null,
  signal?: AbortSignal,
): Promise<StudentGrades> {
  return api.get<StudentGrades>(
    `/api/students/${encodeURIComponent(studentId)}/grades`,
    { termId },
    signal,
  );
}

export function studentGradesQueryOptions(studentId: string, termId: string | null) {
  return queryOptions({
    queryKey: studentGradesQueryKey(studentId, termId),
    queryFn: ({ signal }) => getStudentGrades(studentId, termId, signal),
  });
}

export function useStudentGrades(studentId: string, termId: string | null) {
  return useQuery({
    ...studentGradesQueryOptions(studentId, termId),
    placeholderData: keepPreviousData,
  });
}
