import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { LowAttendance, LowAttendanceQuery } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function getLowAttendance(
  query: LowAttendanceQuery,
  signal?: AbortSignal,
): Promise<LowAttendance> {
  return api.get<LowAttendance>('/api/attendance/reports/low', { ...query }, signal);
}

export function lowAttendanceQueryOptions(query: LowAttendanceQuery) {
  return queryOptions({
    queryKey: [...attendanceQueryKey, 'low', query] as const,
    queryFn: ({ signal }) => getLowAttendance(query, signal),
  });
}

export function useLowAttendance(query: LowAttendanceQuery) {
  return useQuery({ ...lowAttendanceQueryOptions(query), placeholderData: keepPreviousData });
}
