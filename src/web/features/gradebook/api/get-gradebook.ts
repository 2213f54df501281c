import { queryOptions, useQuery } from '@tanstack/react-query';

import type { GradebookGrid } from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookGridQueryKey } from './gradebook-query-key';

/** The class's grid: roster, assessments, scores and every student's average. */
export function getGradebook(classId: string, signal?: AbortSignal): Promise<GradebookGrid> {
  return api.get<GradebookGrid>(
    `/api/classes/${encodeURIComponent(classId)}/gradebook`,
    undefined,
    signal,
  );
}

export function gradebookQueryOptions(classId: string) {
  return queryOptions({
    queryKey: gradebookGridQueryKey(classId),
    queryFn: ({ signal }) => getGradebook(classId, signal),
  });
}

/** Nothing is fetched until a class is chosen. */
export function useGradebook(classId: string | null) {
  return useQuery({ ...gradebookQueryOptions(classId ?? ''), enabled: classId !== null });
}
