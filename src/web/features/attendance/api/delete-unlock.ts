import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function deleteUnlock(id: string): Promise<void> {
  return api.delete(`/api/attendance/unlocks/${encodeURIComponent(id)}`);
}

export function useDeleteUnlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnlock,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceQueryKey }),
  });
}
