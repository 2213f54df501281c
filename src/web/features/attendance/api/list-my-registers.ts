import { queryOptions, useQuery } from '@tanstack/react-query';

import type { MyRegisters } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

/** A teacher's registers for the day: her homeroom's daily register and her lessons. */
export function listMyRegisters(date: string, signal?: AbortSignal): Promise<MyRegisters> {
  return api.get<MyRegisters>('/api/attendance/mine', { date }, signal);
}

export function myRegistersQueryOptions(date: string) {
  return queryOptions({
    queryKey: [...attendanceQueryKey, 'mine', date] as const,
    queryFn: ({ signal }) => listMyRegisters(date, signal),
  });
}

export function useMyRegisters(date: string) {
  return useQuery(myRegistersQueryOptions(date));
}
