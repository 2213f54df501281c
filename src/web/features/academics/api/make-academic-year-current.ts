import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { AcademicYear } from '../../../../shared/contracts/academics.js';
import { api } from '../../../lib/api-client';

import { academicsQueryKey } from './academics-query-key';

/** The previous current year stops being current in the same step. */
export function makeAcademicYearCurrent(id: string): Promise<AcademicYear> {
  return api.post<AcademicYear>(`/api/academic-years/${encodeURIComponent(id)}/make-current`);
}

export function useMakeAcademicYearCurrent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makeAcademicYearCurrent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: academicsQueryKey }),
  });
}
