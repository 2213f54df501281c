import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SaveScoresBody, SaveScoresResult } from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookQueryKey } from './gradebook-query-key';

/** Saves many cells at once; the server writes all of them or none. */
export function saveScores(classId: string, body: SaveScoresBody): Promise<SaveScoresResult> {
  return api.put<SaveScoresResult>(`/api/classes/${encodeURIComponent(classId)}/scores`, body);
}

export function useSaveScores(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveScoresBody) => saveScores(classId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gradebookQueryKey }),
  });
}
