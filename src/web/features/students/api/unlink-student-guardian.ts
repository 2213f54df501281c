import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import { guardiansQueryKey } from '../../guardians/api/guardians-query-key';

import { studentQueryKey } from './students-query-key';

export function unlinkStudentGuardian(studentId: string, guardianId: string): Promise<void> {
  return api.delete(
    `/api/students/${encodeURIComponent(studentId)}/guardians/${encodeURIComponent(guardianId)}`,
  );
}

export function useUnlinkStudentGuardian(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (guardianId: string) => unlinkStudentGuardian(studentId, guardianId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentQueryKey(studentId) }),
        queryClient.invalidateQueries({ queryKey: guardiansQueryKey }),
      ]),
  });
}
