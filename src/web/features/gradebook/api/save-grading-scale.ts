import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  CreateGradingScaleBody,
  GradingScale,
  UpdateGradingScaleBody,
} from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

export function createGradingScale(body: CreateGradingScaleBody): Promise<GradingScale> {
  return api.post<GradingScale>('/api/grading-scales', body);
}

export function updateGradingScale(
  id: string,
  body: UpdateGradingScaleBody,
): Promise<GradingScale> {
  return api.patch<GradingScale>(`/api/grading-scales/${encodeURIComponent(id)}`, body);
}

/** Creates a scale (id null) or changes one. Averages everywhere may change band. */
export function useSaveGradingScale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateGradingScaleBody }) =>
      id ? updateGradingScale(id, body) : createGradingScale(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
