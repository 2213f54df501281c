import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ReviewedAbsenceNote } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export interface ReviewInput {
  id: string;
  decision: 'accept' | 'reject';
  comment?: string;
}

/** Accepting excuses the student's absences within the note's dates. */
export function reviewAbsenceNote({ id, decision, comment }: ReviewInput) {
  return api.post<ReviewedAbsenceNote>(
    `/api/attendance/absence-notes/${encodeURIComponent(id)}/${decision}`,
    comment ? { comment } : {},
  );
}

export function useReviewAbsenceNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewAbsenceNote,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceQueryKey }),
  });
}
