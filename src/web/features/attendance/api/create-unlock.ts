import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreateUnlockBody, Unlock } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function createUnlock(body: CreateUnlockBody): Promise<Unlock> {
  return api.post<Unlock>('/api/attendance/unlocks', body);
}

export function useCreateUnlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnlock,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceQueryKey }),
  });
}
