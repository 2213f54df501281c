import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Student } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';

import { studentQueryKey } from './students-query-key';

export function getStudent(id: string, signal?: AbortSignal): Promise<Student> {
  return api.get<Student>(`/api/students/${encodeURIComponent(id)}`, undefined, signal);
}

export function studentQueryOptions(id: string) {
  return queryOptions({
    queryKey: studentQueryKey(id),
    queryFn: ({ signal }) => getStudent(id, signal),
  });
}

export function useStudent(id: string) {
  return useQuery(studentQueryOptions(id));
}
