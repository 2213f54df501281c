import { queryOptions, useQuery } from '@tanstack/react-query';

import type { InvitationSummary } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

export function inspectInvitation(token: string): Promise<InvitationSummary> {
  return api.post<InvitationSummary>('/api/auth/invitations/inspect', { token });
}

// A POST that only reads: it is safe to repeat, so it is cached like a query.
export function invitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitation', token] as const,
    queryFn: () => inspectInvitation(token),
    retry: false,
    staleTime: Infinity,
  });
}

export function useInvitation(token: string | null) {
  return useQuery({ ...invitationQueryOptions(token ?? ''), enabled: token !== null });
}
