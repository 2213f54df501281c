import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { PlatformDomain } from '../../../../shared/contracts/domains.js';
import { api } from '../../../lib/api-client';

import { platformAuditQueryKey } from './list-platform-audit-events';
import { platformDomainsQueryKey } from './list-platform-domains';
import { schoolsQueryKey } from './school-keys';

export function verifyPlatformDomain(id: string): Promise<PlatformDomain> {
  return api.post<PlatformDomain>(`/api/domains/${encodeURIComponent(id)}/verify`);
}

export function useVerifyPlatformDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyPlatformDomain,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: platformDomainsQueryKey }),
        queryClient.invalidateQueries({ queryKey: schoolsQueryKey }),
        queryClient.invalidateQueries({ queryKey: platformAuditQueryKey }),
      ]),
  });
}
