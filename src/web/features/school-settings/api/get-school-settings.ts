import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SchoolSettings } from '../../../../shared/contracts/identity.js';
import { api } from '../../../lib/api-client';

export const schoolSettingsQueryKey = ['school-settings'] as const;

export function getSchoolSettings(signal?: AbortSignal): Promise<SchoolSettings> {
  return api.get<SchoolSettings>('/api/school/settings', undefined, signal);
}

export function schoolSettingsQueryOptions() {
  return queryOptions({
    queryKey: schoolSettingsQueryKey,
    queryFn: ({ signal }) => getSchoolSettings(signal),
  });
}

export function useSchoolSettings() {
  return useQuery(schoolSettingsQueryOptions());
}
