import type { QueryClient } from '@tanstack/react-query';

import { platformAuditQueryKey } from './list-platform-audit-events';

/** Every school query starts with this key: lists, details and plans-in-use alike. */
export const schoolsQueryKey = ['schools'] as const;
export const schoolListsQueryKey = [...schoolsQueryKey, 'list'] as const;

export function schoolQueryKey(id: string) {
  return [...schoolsQueryKey, 'detail', id] as const;
}

/** After an operator changes a school: its lists, its page and the audit log are all stale. */
export function invalidateAfterSchoolChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: schoolsQueryKey }),
    queryClient.invalidateQueries({ queryKey: platformAuditQueryKey }),
  ]);
}
