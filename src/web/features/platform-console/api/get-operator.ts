import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';

import type { OperatorMe } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

export const operatorSessionQueryKey = ['operator-session'] as const;

export function getOperator(signal?: AbortSignal): Promise<OperatorMe> {
  return api.get<OperatorMe>('/api/me', undefined, signal);
}

export function operatorQueryOptions() {
  return queryOptions({
    queryKey: operatorSessionQueryKey,
    queryFn: ({ signal }) => getOperator(signal),
    staleTime: 60_000,
  });
}

/** Inside the console, where the route has already loaded the session. */
export function useCurrentOperator(): OperatorMe['operator'] {
  return useSuspenseQuery(operatorQueryOptions()).data.operator;
}
