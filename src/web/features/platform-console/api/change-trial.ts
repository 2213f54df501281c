import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SchoolAdminSummary } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

import { invalidateAfterSchoolChange } from './school-keys';

export type TrialChange = { extendDays: number; reason: string } | { end: true; reason: string };

export function changeTrial(id: string, body: TrialChange): Promise<SchoolAdminSummary> {
  return api.post<SchoolAdminSummary>(`/api/schools/${encodeURIComponent(id)}/trial`, body);
}

export function useChangeTrial(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TrialChange) => changeTrial(id, body),
    onSuccess: () => invalidateAfterSchoolChange(queryClient),
  });
}
