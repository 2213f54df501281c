import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SlugAvailability } from '../../../../shared/contracts/signup.js';
import { api } from '../../../lib/api-client';

export function checkSlugAvailability(slug: string, signal?: AbortSignal) {
  return api.get<SlugAvailability>('/api/signup/slug-availability', { slug }, signal);
}

export function slugAvailabilityQueryOptions(slug: string) {
  return queryOptions({
    queryKey: ['slug-availability', slug] as const,
    queryFn: ({ signal }) => checkSlugAvailability(slug, signal),
    staleTime: 10_000,
  });
}

/** Asks only once there is something to ask about. */
export function useSlugAvailability(slug: string) {
  return useQuery({ ...slugAvailabilityQueryOptions(slug), enabled: slug !== '' });
}
