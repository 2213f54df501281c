import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

/** Refused with IN_USE while timetable entries (or attendance registers) use the period. */
export function deletePeriod(id: string): Promise<void> {
  return api.delete(`/api/periods/${encodeURIComponent(id)}`);
}

export function useDeletePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePeriod,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timetableQueryKey }),
  });
}
