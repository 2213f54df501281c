import { queryOptions, useQuery } from '@tanstack/react-query';

import type { PeriodList } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';

import { periodsQueryKey } from './timetable-query-key';

/** Every period of the school day, in order (a school has a handful, so one answer). */
export function listPeriods(signal?: AbortSignal): Promise<PeriodList> {
  return api.get<PeriodList>('/api/periods', undefined, signal);
}

export function periodsQueryOptions() {
  return queryOptions({
    queryKey: [...periodsQueryKey, 'list'] as const,
    queryFn: ({ signal }) => listPeriods(signal),
    select: (list) => list.items,
  });
}

export function usePeriods() {
  return useQuery(periodsQueryOptions());
}
