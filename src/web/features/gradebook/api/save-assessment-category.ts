import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  AssessmentCategory,
  CreateAssessmentCategoryBody,
  UpdateAssessmentCategoryBody,
} from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

export function createAssessmentCategory(
  classId: string,
  body: CreateAssessmentCategoryBody,
): Promise<AssessmentCategory> {
  return api.post<AssessmentCategory>(
    `/api/classes/${encodeURIComponent(classId)}/assessment-categories`,
    body,
  );
}

export function updateAssessmentCategory(
  id: string,
  body: UpdateAssessmentCategoryBody,
): Promise<AssessmentCategory> {
  return api.patch<AssessmentCategory>(
    `/api/assessment-categories/${encodeURIComponent(id)}`,
    body,
  );
}

type SaveCategory =
  | { id: null; body: CreateAssessmentCategoryBody }
  | { id: string; body: UpdateAssessmentCategoryBody };

/** Adds a category to the class (id null) or changes one; the grid's averages follow. */
export function useSaveAssessmentCategory(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveCategory) =>
      input.id === null
        ? createAssessmentCategory(classId, input.body)
        : updateAssessmentCategory(input.id, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
