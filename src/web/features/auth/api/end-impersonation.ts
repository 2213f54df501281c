import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export function endImpersonation(): Promise<void> {
  return api.post('/api/auth/impersonation/end');
}

export function useEndImpersonation() {
  return useMutation({ mutationFn: endImpersonation });
}
