import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export function operatorSignOut(): Promise<void> {
  return api.post('/api/auth/sign-out');
}

export function useOperatorSignOut() {
  return useMutation({ mutationFn: operatorSignOut });
}
