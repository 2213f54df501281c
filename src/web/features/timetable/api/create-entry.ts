import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreateEntryBody, TimetableEntry } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

/** Refused with TIMETABLE_CONFLICT, naming the clash, when the slot is taken. */
export function createEntry(body: CreateEntryBody): Promise<TimetableEntry> {
  return api.post<TimetableEntry>('/api/timetable/entries', body);
}

export function useCreateEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEntry,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timetableQueryKey }),
  });
}
