import { queryOptions, useQuery } from '@tanstack/react-query';

import type { StudentReportCards } from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** The student's published cards the reader may open, newest term first. */
export function listStudentReportCards(
  studentId: string,
  signal?: AbortSignal,
): Promise<StudentReportCards> {
  return api.get<StudentReportCards>(
    `/api/students/${encodeURIComponent(studentId)}/report-cards`,
    undefined,
    signal,
  );
}

export function studentReportCardsQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: [...reportCardsQueryKey, 'student', studentId] as const,
    queryFn: ({ signal }) => listStudentReportCards(studentId, signal),
  });
}

export function useStudentReportCards(studentId: string | null) {
  return useQuery({
    ...studentReportCardsQueryOptions(studentId ?? ''),
    enabled: studentId !== null,
  });
}
