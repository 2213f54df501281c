import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';

import type { Student, StudentListQuery } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

import { studentsQueryKey } from './students-query-key';

export type StudentFilters = Pick<
  StudentListQuery,
  'q' | 'status' | 'sectionId' | 'gradeLevelId' | 'sort' | 'order'
>;

const PAGE_SIZE = 50;

/** Only the students the actor may see: a teacher's classes, a guardian's children. */
export function listStudents(
  filters: StudentFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = PAGE_SIZE,
): Promise<Page<Student>> {
  return api.get<Page<Student>>('/api/students', { ...filters, cursor, limit }, signal);
}

export function studentsListQueryOptions(filters: StudentFilters) {
  return infiniteQueryOptions({
    queryKey: [...studentsQueryKey, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) => listStudents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useStudents(filters: StudentFilters) {
  return useInfiniteQuery({
    ...studentsListQueryOptions(filters),
    placeholderData: keepPreviousData,
  });
}

/** A short list of matches for a picker (enrolling students in a class). */
export function useStudentSearch(q: string) {
  return useQuery({
    queryKey: [...studentsQueryKey, 'search', q] as const,
    queryFn: ({ signal }) => listStudents({ q: q || undefined }, null, signal, 20),
    placeholderData: keepPreviousData,
  });
}
