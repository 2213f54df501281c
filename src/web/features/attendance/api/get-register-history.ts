import { queryOptions, useQuery } from '@tanstack/react-query';

import type { RegisterHistory } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function getRegisterHistory(
  registerId: string,
  studentId: string | undefined,
  signal?: AbortSignal,
): Promise<RegisterHistory> {
  return api.get<RegisterHistory>(
    `/api/attendance/registers/${encodeURIComponent(registerId)}/history`,
    { studentId },
    signal,
  );
}

export function registerHistoryQueryOptions(registerId: string, studentId?: string) {
  return queryOptions({
    queryKey: [...attendanceQueryKey, 'history', registerId, studentId ?? null] as const,
    queryFn: ({ signal }) => getRegisterHistory(registerId, studentId, signal),
  });
}

/** One student's mark in a register with its changes; idle until both are known. */
export function useRegisterHistory(registerId: string | null, studentId: string | null) {
  return useQuery({
    ...registerHistoryQueryOptions(registerId ?? '', studentId ?? undefined),
    enabled: registerId !== null && studentId !== null,
  });
}
