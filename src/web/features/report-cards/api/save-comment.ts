import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  ReportCardComment,
  SaveCommentBody,
} from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** Writes (or replaces) a student's comment for a class, or the homeroom comment. */
export function saveComment(body: SaveCommentBody): Promise<ReportCardComment> {
  return api.put<ReportCardComment>('/api/report-cards/comments', body);
}

export function useSaveComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveComment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportCardsQueryKey }),
  });
}
