import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { platformAuditQueryKey } from './list-platform-audit-events';
import { schoolListsQueryKey } from './school-keys';

export interface DeleteSchoolBody {
  /** The school's address, typed by the operator as a confirmation. */
  confirmSlug: string;
  reason: string;
}

/** Deletes an archived school and all its data for good. */
export function deleteSchool(id: string, body: DeleteSchoolBody): Promise<{ deletedRows: number }> {
  return api.delete<{ deletedRows: number }>(`/api/schools/${encodeURIComponent(id)}`, body);
}

export function useDeleteSchool(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteSchoolBody) => deleteSchool(id, body),
    // Only the lists: the page of the school itself is left before its query is dropped.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: schoolListsQueryKey }),
        queryClient.invalidateQueries({ queryKey: platformAuditQueryKey }),
      ]),
  });
}
