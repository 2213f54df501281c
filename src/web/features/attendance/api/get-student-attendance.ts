import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type {
  StudentAttendance,
  StudentAttendanceQuery,
} from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';

export function getStudentAttendance(
  studentId: string,
  range: StudentAttendanceQuery,
  signal?: AbortSignal,
): Promise<StudentAttendance> {
  return api.get<StudentAttendance>(
    `/api/attendance/students/${encodeURIComponent(studentId)}`,
    { ...range },
    signal,
  );
}

export function studentAttendanceQueryOptions(studentId: string, range: StudentAttendanceQuery) {
  return queryOptions({
    queryKey: [...attendanceQueryKey, 'student', studentId, range] as const,
    queryFn: ({ signal }) => getStudentAttendance(studentId, range, signal),
  });
}

export function useStudentAttendance(studentId: string | null, range: StudentAttendanceQuery) {
  return useQuery({
    ...studentAttendanceQueryOptions(studentId ?? '', range),
    enabled: studentId !== null,
    placeholderData: keepPreviousData,
  });
}
