import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Period, UpdatePeriodBody } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

export function updatePeriod(id: string, body: UpdatePeriodBody): Promise<Period> {
  return api.patch<Period>(`/api/periods/${encodeURIComponent(id)}`, body);
}

export function useUpdatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePeriodBody }) => updatePeriod(id, body),
    // Weeks show period names and times too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timetableQueryKey }),
  });
}
