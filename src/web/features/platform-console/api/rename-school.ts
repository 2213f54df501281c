import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SchoolAdminSummary } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

import { invalidateAfterSchoolChange } from './school-keys';

export interface RenameChange {
  slug: string;
  reason: string;
}

/** A new address: the old host stops answering for the school at once. */
export function renameSchool(id: string, body: RenameChange): Promise<SchoolAdminSummary> {
  return api.post<SchoolAdminSummary>(`/api/schools/${encodeURIComponent(id)}/rename`, body);
}

export function useRenameSchool(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RenameChange) => renameSchool(id, body),
    onSuccess: () => invalidateAfterSchoolChange(queryClient),
  });
}
