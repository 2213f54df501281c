import { queryOptions, useQuery } from '@tanstack/react-query';

import type { AttendanceSettings } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export const attendanceSettingsQueryKey = [...attendanceQueryKey, 'settings'] as const;

export function getAttendanceSettings(signal?: AbortSignal): Promise<AttendanceSettings> {
  return api.get<AttendanceSettings>('/api/attendance/settings', undefined, signal);
}

export function attendanceSettingsQueryOptions() {
  return queryOptions({
    queryKey: attendanceSettingsQueryKey,
    queryFn: ({ signal }) => getAttendanceSettings(signal),
  });
}

export function useAttendanceSettings() {
  return useQuery(attendanceSettingsQueryOptions());
}
