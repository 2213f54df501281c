import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreatePeriodBody, Period } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

/** Refused with VALIDATION_FAILED when the times overlap another period on a shared day. */
export function createPeriod(body: CreatePeriodBody): Promise<Period> {
  return api.post<Period>('/api/periods', body);
}

export function useCreatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPeriod,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timetableQueryKey }),
  });
}
