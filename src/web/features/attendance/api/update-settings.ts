import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  AttendanceSettings,
  UpdateAttendanceSettingsBody,
} from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function updateAttendanceSettings(
  body: UpdateAttendanceSettingsBody,
): Promise<AttendanceSettings> {
  return api.patch<AttendanceSettings>('/api/attendance/settings', body);
}

export function useUpdateAttendanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAttendanceSettings,
    // The window decides which registers are locked; the threshold, the low list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceQueryKey }),
  });
}
