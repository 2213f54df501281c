import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Domain, DomainList } from '../../../../shared/contracts/domains.js';
import { api } from '../../../lib/api-client';

import { schoolDomainsQueryKey } from './list-school-domains';

export function verifySchoolDomain(id: string): Promise<Domain> {
  return api.post<Domain>(`/api/school/domains/${encodeURIComponent(id)}/verify`);
}

export function useVerifySchoolDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifySchoolDomain,
    // The answer is the domain as it now is: put it in the list without asking again.
    onSuccess: (domain) =>
      queryClient.setQueryData<DomainList>(schoolDomainsQueryKey, (list) =>
        list
          ? { ...list, items: list.items.map((item) => (item.id === domain.id ? domain : item)) }
          : list,
      ),
  });
}
