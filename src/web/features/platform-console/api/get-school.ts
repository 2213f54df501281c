import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SchoolDetail } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

import { schoolQueryKey } from './school-keys';

export function getSchool(id: string, signal?: AbortSignal): Promise<SchoolDetail> {
  return api.get<SchoolDetail>(`/api/schools/${encodeURIComponent(id)}`, undefined, signal);
}

export function schoolQueryOptions(id: string) {
  return queryOptions({
    queryKey: schoolQueryKey(id),
    queryFn: ({ signal }) => getSchool(id, signal),
  });
}

export function useSchoolDetail(id: string) {
  return useQuery(schoolQueryOptions(id));
}
