import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { schoolDomainsQueryKey } from './list-school-domains';

/** The domain stops serving the school at once. */
export function removeSchoolDomain(id: string): Promise<void> {
  return api.delete(`/api/school/domains/${encodeURIComponent(id)}`);
}

export function useRemoveSchoolDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeSchoolDomain,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolDomainsQueryKey }),
  });
}
