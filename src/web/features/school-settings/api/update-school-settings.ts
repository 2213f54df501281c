import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SchoolSettings } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

import { schoolSettingsQueryKey } from './get-school-settings';

export type SchoolSettingsChanges = Partial<SchoolSettings>;

export function updateSchoolSettings(body: SchoolSettingsChanges): Promise<SchoolSettings> {
  return api.patch<SchoolSettings>('/api/school/settings', body);
}

export function useUpdateSchoolSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSchoolSettings,
    onSuccess: (settings) => queryClient.setQueryData(schoolSettingsQueryKey, settings),
  });
}
