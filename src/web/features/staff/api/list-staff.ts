import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';

import type { Staff, StaffListQuery } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';
import { collectPages } from '../../../lib/collect-pages';

import { staffQueryKey } from './staff-query-key';

export type StaffFilters = Pick<
  StaffListQuery,
  'q' | 'isTeacher' | 'status' | 'department' | 'sort' | 'order'
>;

const PAGE_SIZE = 50;

export function listStaff(
  filters: StaffFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = PAGE_SIZE,
): Promise<Page<Staff>> {
  return api.get<Page<Staff>>('/api/staff', { ...filters, cursor, limit }, signal);
}

export function staffListQueryOptions(filters: StaffFilters) {
  return infiniteQueryOptions({
    queryKey: [...staffQueryKey, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) => listStaff(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useStaffList(filters: StaffFilters) {
  return useInfiniteQuery({ ...staffListQueryOptions(filters), placeholderData: keepPreviousData });
}

/**
 * Every teacher, archived ones included (old classes still name them), for the teacher
 * pickers and for showing names beside ids.
 */
export function teachersQueryOptions() {
  return queryOptions({
    queryKey: [...staffQueryKey, 'teachers'] as const,
    queryFn: ({ signal }) =>
      collectPages((cursor) => listStaff({ isTeacher: true }, cursor, signal, 200)),
    staleTime: 60_000,
  });
}

export function useTeachers() {
  return useQuery(teachersQueryOptions());
}
