import { queryOptions, useQuery } from '@tanstack/react-query';

import type { StudentAttendance } from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

export interface DateRange {
  from: string;
  to: string;
}

/** A student's marks in a range of days, newest first, with her rate over them. */
export function getStudentAttendance(
  studentId: string,
  range: DateRange,
  signal?: AbortSignal,
): Promise<StudentAttendance> {
  return api.get<StudentAttendance>(
    `/api/attendance/students/${encodeURIComponent(studentId)}`,
    { from: range.from, to: range.to },
    signal,
  );
}

export function studentAttendanceQueryOptions(studentId: string, range: DateRange) {
  return queryOptions({
    // Under the attendance key, which every attendance write invalidates.
    queryKey: ['attendance', 'portal', 'student', studentId, range.from, range.to] as const,
    queryFn: ({ signal }) => getStudentAttendance(studentId, range, signal),
  });
}

export function useStudentAttendance(studentId: string, range: DateRange) {
  return useQuery(studentAttendanceQueryOptions(studentId, range));
}
