import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

export function deleteEntry(id: string): Promise<void> {
  return api.delete(`/api/timetable/entries/${encodeURIComponent(id)}`);
}

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEntry,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timetableQueryKey }),
  });
}
