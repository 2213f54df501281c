import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Day } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

/** The signed-in person's classes on a date: taught, attended, or their children's. */
export function getMyDay(date: string, signal?: AbortSignal): Promise<Day> {
  return api.get<Day>('/api/timetable/day', { date }, signal);
}

export function myDayQueryOptions(date: string) {
  return queryOptions({
    queryKey: [...timetableQueryKey, 'day', date] as const,
    queryFn: ({ signal }) => getMyDay(date, signal),
  });
}

export function useMyDay(date: string) {
  return useQuery(myDayQueryOptions(date));
}
