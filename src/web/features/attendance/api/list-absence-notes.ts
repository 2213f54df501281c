import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import type { AbsenceNote, AbsenceNoteListQuery } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export type AbsenceNoteFilters = Pick<AbsenceNoteListQuery, 'status' | 'studentId'>;

export function listAbsenceNotes(
  filters: AbsenceNoteFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<AbsenceNote>> {
  return api.get<Page<AbsenceNote>>(
    '/api/attendance/absence-notes',
    { ...filters, cursor, limit: 50 },
    signal,
  );
}

export function absenceNotesQueryOptions(filters: AbsenceNoteFilters) {
  return infiniteQueryOptions({
    queryKey: [...attendanceQueryKey, 'notes', filters] as const,
    queryFn: ({ pageParam, signal }) => listAbsenceNotes(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Newest first, only the notes the reader may see. */
export function useAbsenceNotes(filters: AbsenceNoteFilters, enabled = true) {
  return useInfiniteQuery({
    ...absenceNotesQueryOptions(filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}
