import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { RemoveDomainBody } from '../../../../shared/contracts/domains.js';
import { api } from '../../../lib/api-client';

import { platformAuditQueryKey } from './list-platform-audit-events';
import { platformDomainsQueryKey } from './list-platform-domains';
import { schoolsQueryKey } from './school-keys';

/** Disconnects a school's domain; the reason goes to the platform's and the school's audit. */
export function removePlatformDomain(id: string, body: RemoveDomainBody): Promise<void> {
  return api.delete(`/api/domains/${encodeURIComponent(id)}`, body);
}

export function useRemovePlatformDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      removePlatformDomain(id, { reason }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: platformDomainsQueryKey }),
        queryClient.invalidateQueries({ queryKey: schoolsQueryKey }),
        queryClient.invalidateQueries({ queryKey: platformAuditQueryKey }),
      ]),
  });
}
