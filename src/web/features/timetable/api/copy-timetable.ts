import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CopyResult, CopyTimetableBody } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';
import { classesQueryKey } from '../../classes/api/classes-query-key';

import { timetableQueryKey } from './timetable-query-key';

/** All or nothing; refused with CONFLICT when the target term has entries and replace is off. */
export function copyTimetable(body: CopyTimetableBody): Promise<CopyResult> {
  return api.post<CopyResult>('/api/timetable/copy', body);
}

export function useCopyTimetable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: copyTimetable,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: timetableQueryKey }),
        // The copy creates the classes the target term was missing.
        queryClient.invalidateQueries({ queryKey: classesQueryKey }),
      ]),
  });
}
