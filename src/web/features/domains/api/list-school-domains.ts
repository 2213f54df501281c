import { queryOptions, useQuery } from '@tanstack/react-query';

import type { DomainList } from '../../../../shared/contracts/domains.js';
import { api } from '../../../lib/api-client';

export const schoolDomainsQueryKey = ['school-domains'] as const;

export function listSchoolDomains(signal?: AbortSignal): Promise<DomainList> {
  return api.get<DomainList>('/api/school/domains', undefined, signal);
}

export function schoolDomainsQueryOptions() {
  return queryOptions({
    queryKey: schoolDomainsQueryKey,
    queryFn: ({ signal }) => listSchoolDomains(signal),
  });
}

export function useSchoolDomains() {
  return useQuery(schoolDomainsQueryOptions());
}
