import { queryOptions, useQuery } from '@tanstack/react-query';

import type { RegisterQuery, RegisterView } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function registerQueryKey(target: RegisterQuery) {
  return [...attendanceQueryKey, 'register', target] as const;
}

/** A class (and period) or section register on a date; everyone present until recorded. */
export function getRegister(target: RegisterQuery, signal?: AbortSignal): Promise<RegisterView> {
  return api.get<RegisterView>('/api/attendance/register', { ...target }, signal);
}

export function registerQueryOptions(target: RegisterQuery) {
  return queryOptions({
    queryKey: registerQueryKey(target),
    queryFn: ({ signal }) => getRegister(target, signal),
  });
}

export function useRegister(target: RegisterQuery | null) {
  return useQuery({
    ...registerQueryOptions(target ?? {}),
    enabled: target !== null,
  });
}
