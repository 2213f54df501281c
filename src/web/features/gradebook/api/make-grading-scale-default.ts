import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { GradingScale } from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

export function makeGradingScaleDefault(id: string): Promise<GradingScale> {
  return api.post<GradingScale>(`/api/grading-scales/${encodeURIComponent(id)}/make-default`);
}

export function useMakeGradingScaleDefault() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makeGradingScaleDefault,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
