import { queryOptions, useQuery } from '@tanstack/react-query';

import type { StudentGuardian } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { studentQueryKey } from './students-query-key';

export function studentGuardiansQueryKey(studentId: string) {
  return [...studentQueryKey(studentId), 'guardians'] as const;
}

/** The student's guardians with the flags of each link, primary contact first. */
export function listStudentGuardians(
  studentId: string,
  signal?: AbortSignal,
): Promise<{ items: StudentGuardian[] }> {
  return api.get<{ items: StudentGuardian[] }>(
    `/api/students/${encodeURIComponent(studentId)}/guardians`,
    undefined,
    signal,
  );
}

export function studentGuardiansQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: studentGuardiansQueryKey(studentId),
    queryFn: ({ signal }) => listStudentGuardians(studentId, signal),
  });
}

export function useStudentGuardians(studentId: string) {
  return useQuery(studentGuardiansQueryOptions(studentId));
}
