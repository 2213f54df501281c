import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreateClassBody, SchoolClass } from '../../../../shared/contracts/academics.js';
import { api } from '../../../lib/api-client';

import { classesQueryKey } from './classes-query-key';

export function createClass(body: CreateClassBody): Promise<SchoolClass> {
  return api.post<SchoolClass>('/api/classes', body);
}

export function useCreateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClass,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classesQueryKey }),
  });
}
