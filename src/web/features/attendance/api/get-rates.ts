import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { RatesQuery, RatesReport } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function getRates(query: RatesQuery, signal?: AbortSignal): Promise<RatesReport> {
  return api.get<RatesReport>('/api/attendance/reports/rates', { ...query }, signal);
}

export function ratesQueryOptions(query: RatesQuery) {
  return queryOptions({
    queryKey: [...attendanceQueryKey, 'rates', query] as const,
    queryFn: ({ signal }) => getRates(query, signal),
  });
}

export function useRates(query: RatesQuery) {
  return useQuery({ ...ratesQueryOptions(query), placeholderData: keepPreviousData });
}
