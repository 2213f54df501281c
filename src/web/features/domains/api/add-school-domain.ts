import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { AddDomainBody, Domain } from '../../../../shared/contracts/domains.js';
import { api } from '../../../lib/api-client';

import { schoolDomainsQueryKey } from './list-school-domains';

/** Answers with the DNS records that prove the school owns the domain. */
export function addSchoolDomain(body: AddDomainBody): Promise<Domain> {
  return api.post<Domain>('/api/school/domains', body);
}

export function useAddSchoolDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addSchoolDomain,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolDomainsQueryKey }),
  });
}
