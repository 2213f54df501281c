import { queryOptions, useQuery } from '@tanstack/react-query';

import type { GradingScaleList } from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradingScalesQueryKey } from './gradebook-query-key';

/** The school's scales, and the one averages are banded with (the built-in A–F if none). */
export function listGradingScales(signal?: AbortSignal): Promise<GradingScaleList> {
  return api.get<GradingScaleList>('/api/grading-scales', undefined, signal);
}

export function gradingScalesQueryOptions() {
  return queryOptions({
    queryKey: gradingScalesQueryKey,
    queryFn: ({ signal }) => listGradingScales(signal),
  });
}

export function useGradingScales() {
  return useQuery(gradingScalesQueryOptions());
}
