import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SchoolAdminSummary } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

import { invalidateAfterSchoolChange } from './school-keys';

/** The lifecycle transitions; the server refuses one the school's status does not allow. */
export type LifecycleAction = 'activate' | 'suspend' | 'reactivate' | 'archive' | 'restore';

export function changeSchoolStatus(
  id: string,
  action: LifecycleAction,
  reason: string,
): Promise<SchoolAdminSummary> {
  return api.post<SchoolAdminSummary>(`/api/schools/${encodeURIComponent(id)}/${action}`, {
    reason,
  });
}

export function useChangeSchoolStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: LifecycleAction; reason: string }) =>
      changeSchoolStatus(id, action, reason),
    onSuccess: () => invalidateAfterSchoolChange(queryClient),
  });
}
