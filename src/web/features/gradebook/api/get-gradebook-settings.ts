import { queryOptions, useQuery } from '@tanstack/react-query';

import type { GradebookSettings } from '../../../../shared/contracts/gradebook.js';
import { api } from '../../../lib/api-client';

import { gradebookSettingsQueryKey } from './gradebook-query-key';

export function getGradebookSettings(signal?: AbortSignal): Promise<GradebookSettings> {
  return api.get<GradebookSettings>('/api/gradebook/settings', undefined, signal);
}

export function gradebookSettingsQueryOptions() {
  return queryOptions({
    queryKey: gradebookSettingsQueryKey,
    queryFn: ({ signal }) => getGradebookSettings(signal),
  });
}

export function useGradebookSettings() {
  return useQuery(gradebookSettingsQueryOptions());
}
