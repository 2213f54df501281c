import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { AbsenceNote } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function withdrawAbsenceNote(id: string): Promise<AbsenceNote> {
  return api.post<AbsenceNote>(`/api/attendance/absence-notes/${encodeURIComponent(id)}/withdraw`);
}

export function useWithdrawAbsenceNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawAbsenceNote,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceQueryKey }),
  });
}
