import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Locale } from '../../../../shared/boot.js';
import type { Me } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';
import { meQueryKey, sessionQueryKey } from '../../auth/api/get-me';

export interface UpdateMeInput {
  name?: string;
  /** null goes back to the school's language. */
  locale?: Locale | null;
}

export function updateMe(body: UpdateMeInput): Promise<Me> {
  return api.patch<Me>('/api/me', body);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: async (me) => {
      // The layout follows me.locale, so the new language applies at once.
      queryClient.setQueryData(meQueryKey, me);
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
