import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';

import type { Navigation } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { sessionQueryKey } from './get-me';

export const navigationQueryKey = [...sessionQueryKey, 'navigation'] as const;

export function getNavigation(signal?: AbortSignal): Promise<Navigation> {
  return api.get<Navigation>('/api/me/navigation', undefined, signal);
}

export function navigationQueryOptions() {
  return queryOptions({
    queryKey: navigationQueryKey,
    queryFn: ({ signal }) => getNavigation(signal),
    staleTime: 60_000,
  });
}

/** The menu the server allows this actor; the app renders exactly these entries. */
export function useNavigation(): Navigation {
  return useSuspenseQuery(navigationQueryOptions()).data;
}
