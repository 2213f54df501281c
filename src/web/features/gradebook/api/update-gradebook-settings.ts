import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  GradebookSettings,
  UpdateGradebookSettingsBody,
} from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookQueryKey, gradebookSettingsQueryKey } from './gradebook-query-key';

export function updateGradebookSettings(
  body: UpdateGradebookSettingsBody,
): Promise<GradebookSettings> {
  return api.patch<GradebookSettings>('/api/gradebook/settings', body);
}

export function useUpdateGradebookSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGradebookSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(gradebookSettingsQueryKey, saved);
      // Every average depends on the setting.
      await queryClient.invalidateQueries({ queryKey: gradebookQueryKey });
    },
  });
}
