import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { StartImpersonationBody } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { platformAuditQueryKey } from './list-platform-audit-events';

export interface ImpersonationStarted {
  /** The school host's /impersonate page, with the one-time token in the fragment. */
  url: string;
  expiresAt: string;
}

export function startImpersonation(
  schoolId: string,
  body: StartImpersonationBody,
): Promise<ImpersonationStarted> {
  return api.post<ImpersonationStarted>(
    `/api/schools/${encodeURIComponent(schoolId)}/impersonations`,
    body,
  );
}

export function useStartImpersonation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ schoolId, body }: { schoolId: string; body: StartImpersonationBody }) =>
      startImpersonation(schoolId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformAuditQueryKey }),
  });
}
