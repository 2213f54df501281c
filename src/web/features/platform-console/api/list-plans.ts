import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';

import type { PlanSchema } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

export type Plan = Static<typeof PlanSchema>;

export const plansQueryKey = ['plans'] as const;

export function listPlans(signal?: AbortSignal): Promise<{ items: Plan[] }> {
  return api.get<{ items: Plan[] }>('/api/plans', undefined, signal);
}

export function plansQueryOptions() {
  return queryOptions({
    queryKey: plansQueryKey,
    queryFn: ({ signal }) => listPlans(signal),
    // Plans change with a deployment, not during a visit.
    staleTime: 10 * 60_000,
  });
}

export function usePlans() {
  return useQuery(plansQueryOptions());
}
