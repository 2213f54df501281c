import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Student } from '../../../../shared/contracts/people.js';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-client';

// For a student the list is herself; for a guardian, her children with portal access. A family
// has far fewer than one page of them.

export function listOwnStudents(signal?: AbortSignal): Promise<Page<Student>> {
  return api.get<Page<Student>>(
    '/api/students',
    { sort: 'name', order: 'asc', limit: 200 },
    signal,
  );
}

export function ownStudentsQueryOptions() {
  return queryOptions({
    // Under the students key, so a change to a student record refreshes the home page too.
    queryKey: ['students', 'portal', 'own'] as const,
    queryFn: ({ signal }) => listOwnStudents(signal),
  });
}

export function useOwnStudents() {
  return useQuery(ownStudentsQueryOptions());
}
