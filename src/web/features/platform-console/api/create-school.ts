import { useMutation, useQueryClient } from '@tanstack/react-query';

import type {
  CreateSchoolBody,
  SchoolAdminSummary,
} from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

import { invalidateAfterSchoolChange } from './school-keys';

/** Creates the school for a customer; its first admin gets an invitation by email. */
export function createSchool(body: CreateSchoolBody): Promise<SchoolAdminSummary> {
  return api.post<SchoolAdminSummary>('/api/schools', body);
}

export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSchool,
    onSuccess: () => invalidateAfterSchoolChange(queryClient),
  });
}
