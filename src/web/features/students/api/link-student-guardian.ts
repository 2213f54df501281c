import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { StudentGuardian, StudentGuardianBody } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import { guardiansQueryKey } from '../../guardians/api/guardians-query-key';

import { studentQueryKey } from './students-query-key';

/** Links the guardian, or changes the flags of an existing link (PUT is idempotent). */
export function linkStudentGuardian(
  studentId: string,
  guardianId: string,
  body: StudentGuardianBody,
): Promise<StudentGuardian> {
  return api.put<StudentGuardian>(
    `/api/students/${encodeURIComponent(studentId)}/guardians/${encodeURIComponent(guardianId)}`,
    body,
  );
}

export function useLinkStudentGuardian(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ guardianId, body }: { guardianId: string; body: StudentGuardianBody }) =>
      linkStudentGuardian(studentId, guardianId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentQueryKey(studentId) }),
        // The guardian's page lists their children.
        queryClient.invalidateQueries({ queryKey: guardiansQueryKey }),
      ]),
  });
}
