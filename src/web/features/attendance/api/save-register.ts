import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  RegisterQuery,
  SavedRegister,
  SaveRegisterBody,
} from '../../../../shared/contracts/attendance.js';
import { api } from '../../../lib/api-client';

import { attendanceQueryKey } from './attendance-query-key';
import { registerQueryKey } from './get-register';

/** The whole register in one request; students left out are present. */
export function saveRegister(body: SaveRegisterBody): Promise<SavedRegister> {
  return api.put<SavedRegister>('/api/attendance/register', body);
}

export function useSaveRegister(target: RegisterQuery) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRegister,
    onSuccess: async (saved) => {
      const { counts, ...view } = saved;
      const { changed: _changed, ...marks } = counts;
      queryClient.setQueryData(registerQueryKey(target), { ...view, counts: marks });
      // Reports, histories and "today" lists all read these marks.
      await queryClient.invalidateQueries({ queryKey: attendanceQueryKey });
    },
  });
}
