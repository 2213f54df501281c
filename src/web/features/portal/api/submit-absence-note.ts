import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  AbsenceNote,
  CreateAbsenceNoteBody,
} from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

export function submitAbsenceNote(body: CreateAbsenceNoteBody): Promise<AbsenceNote> {
  return api.post<AbsenceNote>('/api/attendance/absence-notes', body);
}

export function useSubmitAbsenceNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAbsenceNote,
    // Every attendance query, the attendance pages' as well as the home page's.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['attendance'] }),
  });
}
