import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SchoolAdminSummary } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

import { invalidateAfterSchoolChange } from './school-keys';

export interface MaintenanceChange {
  enabled: boolean;
  reason: string;
}

export function setMaintenance(id: string, body: MaintenanceChange): Promise<SchoolAdminSummary> {
  return api.post<SchoolAdminSummary>(`/api/schools/${encodeURIComponent(id)}/maintenance`, body);
}

export function useSetMaintenance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MaintenanceChange) => setMaintenance(id, body),
    onSuccess: () => invalidateAfterSchoolChange(queryClient),
  });
}
