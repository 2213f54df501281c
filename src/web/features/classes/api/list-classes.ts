import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import type { ClassListQuery, SchoolClass } from '../../../../shared/contracts/academics.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

import { classesQueryKey } from './classes-query-key';

export type ClassFilters = Pick<
  ClassListQuery,
  'q' | 'termId' | 'sectionId' | 'gradeLevelId' | 'subjectId' | 'teacherId'
>;

const PAGE_SIZE = 50;

export function listClasses(
  filters: ClassFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<SchoolClass>> {
  return api.get<Page<SchoolClass>>(
    '/api/classes',
    { ...filters, sort: 'name', cursor, limit: PAGE_SIZE },
    signal,
  );
}

export function classesListQueryOptions(filters: ClassFilters) {
  return infiniteQueryOptions({
    queryKey: [...classesQueryKey, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) => listClasses(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useClasses(filters: ClassFilters) {
  return useInfiniteQuery({
    ...classesListQueryOptions(filters),
    placeholderData: keepPreviousData,
  });
}
