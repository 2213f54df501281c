import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SchoolAdminSummary } from '../../../../shared/contracts/platform.js';
import { api } from '../../../lib/api-client';

import { invalidateAfterSchoolChange } from './school-keys';

export const LIMIT_KEYS = [
  'maxUsers',
  'maxStudents',
  'maxStaff',
  'maxStorageMb',
  'rateLimitPerMinute',
] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];

export const FEATURE_KEYS = ['customDomains', 'reportCards'] as const;
export type FeatureKey = (typeof FEATURE_KEYS)[number];

export interface PlanChange {
  planId: string;
  /** Replaces the school's overrides; `{}` goes back to the plan's limits. */
  limitOverrides?: Partial<Record<LimitKey, number>>;
  /** Replaces the school's feature overrides; `{}` goes back to the plan's features. */
  features?: Partial<Record<FeatureKey, boolean>>;
  reason: string;
}

export function changePlan(id: string, body: PlanChange): Promise<SchoolAdminSummary> {
  return api.post<SchoolAdminSummary>(`/api/schools/${encodeURIComponent(id)}/plan`, body);
}

export function useChangePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanChange) => changePlan(id, body),
    onSuccess: () => invalidateAfterSchoolChange(queryClient),
  });
}
