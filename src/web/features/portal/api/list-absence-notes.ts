import { queryOptions, useQuery } from '@tanstack/react-query';

import type { AbsenceNote } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

/** The newest absence notes sent for one child. */
export function listAbsenceNotes(
  studentId: string,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<AbsenceNote>> {
  return api.get<Page<AbsenceNote>>('/api/attendance/absence-notes', { studentId, limit }, signal);
}

export function absenceNotesQueryOptions(studentId: string, limit = 5) {
  return queryOptions({
    queryKey: ['attendance', 'portal', 'notes', studentId, limit] as const,
    queryFn: ({ signal }) => listAbsenceNotes(studentId, limit, signal),
  });
}

export function useAbsenceNotes(studentId: string, limit = 5) {
  return useQuery(absenceNotesQueryOptions(studentId, limit));
}
