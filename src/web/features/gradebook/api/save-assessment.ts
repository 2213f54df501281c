import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  Assessment,
  CreateAssessmentBody,
  UpdateAssessmentBody,
} from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

export function createAssessment(body: CreateAssessmentBody): Promise<Assessment> {
  return api.post<Assessment>('/api/assessments', body);
}

/** Changes an assessment; `{ published: true }` publishes it to students and guardians. */
export function updateAssessment(id: string, body: UpdateAssessmentBody): Promise<Assessment> {
  return api.patch<Assessment>(`/api/assessments/${encodeURIComponent(id)}`, body);
}

type SaveAssessment =
  { id: null; body: CreateAssessmentBody } | { id: string; body: UpdateAssessmentBody };

export function useSaveAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveAssessment) =>
      input.id === null ? createAssessment(input.body) : updateAssessment(input.id, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
