import { FEATURE_KEYS, LIMIT_KEYS } from './api/change-plan';
import type { FeatureKey, LimitKey, PlanChange } from './api/change-plan';

/**
 * The body of a plan change from the form. Overrides replace the school's own, so both are
 * always sent: empty limits fall back to the plan, and a feature is overridden only where the
 * operator's choice differs from what the chosen plan gives.
 */
export function planChange(
  planId: string,
  limits: Record<LimitKey, number | string>,
  features: Record<FeatureKey, boolean>,
  planFeatures: Record<string, boolean>,
): Omit<PlanChange, 'reason'> {
  const limitOverrides: PlanChange['limitOverrides'] = {};
  for (const key of LIMIT_KEYS) {
    const value = limits[key];
    if (value !== '') limitOverrides[key] = Number(value);
  }
  const featureOverrides: PlanChange['features'] = {};
  for (const key of FEATURE_KEYS) {
    if (features[key] !== (planFeatures[key] === true)) featureOverrides[key] = features[key];
  }
  return { planId, limitOverrides, features: featureOverrides };
}
