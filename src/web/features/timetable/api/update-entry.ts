import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { TimetableEntry, UpdateEntryBody } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

export function updateEntry(id: string, body: UpdateEntryBody): Promise<TimetableEntry> {
  return api.patch<TimetableEntry>(`/api/timetable/entries/${encodeURIComponent(id)}`, body);
}

export function useUpdateEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateEntryBody }) => updateEntry(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timetableQueryKey }),
  });
}
