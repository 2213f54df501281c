import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';

import type { Me } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

export const sessionQueryKey = ['session'] as const;
export const meQueryKey = [...sessionQueryKey, 'me'] as const;

export function getMe(signal?: AbortSignal): Promise<Me> {
  return api.get<Me>('/api/me', undefined, signal);
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Inside the signed-in app, where the route has already loaded the session. */
export function useCurrentMe(): Me {
  return useSuspenseQuery(meQueryOptions()).data;
}
