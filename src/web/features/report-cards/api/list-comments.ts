import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';

import type { CommentRoster } from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** A class's comments (`classId`) or a homeroom section's (`sectionId`). */
export type CommentGroup = { classId: string } | { sectionId: string };

export function commentsQueryKey(termId: string, group: CommentGroup | null) {
  return [...reportCardsQueryKey, 'comments', termId, group] as const;
}

export function listComments(
  termId: string,
  group: CommentGroup,
  signal?: AbortSignal,
): Promise<CommentRoster> {
  return api.get<CommentRoster>('/api/report-cards/comments', { termId, ...group }, signal);
}

export function commentsQueryOptions(termId: string, group: CommentGroup) {
  return queryOptions({
    queryKey: commentsQueryKey(termId, group),
    queryFn: ({ signal }) => listComments(termId, group, signal),
  });
}

export function useComments(termId: string, group: CommentGroup | null) {
  return useQuery({
    queryKey: commentsQueryKey(termId, group),
    queryFn:
      termId !== '' && group !== null
        ? ({ signal }) => listComments(termId, group, signal)
        : skipToken,
  });
}
