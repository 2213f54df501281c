import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CommentGroups } from '../../../../shared/contracts/report-cards.js';
import { api } from '../../../lib/api-client';

import { reportCardsQueryKey } from './report-cards-query-key';

/** The classes and homeroom sections of the term the reader may comment on. */
export function getCommentGroups(termId: string, signal?: AbortSignal): Promise<CommentGroups> {
  return api.get<CommentGroups>('/api/report-cards/comment-groups', { termId }, signal);
}

export function commentGroupsQueryOptions(termId: string) {
  return queryOptions({
    queryKey: [...reportCardsQueryKey, 'comment-groups', termId] as const,
    queryFn: ({ signal }) => getCommentGroups(termId, signal),
    staleTime: 60_000,
  });
}

export function useCommentGroups(termId: string) {
  return useQuery({ ...commentGroupsQueryOptions(termId), enabled: termId !== '' });
}
