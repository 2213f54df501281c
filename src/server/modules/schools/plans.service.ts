import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { plans, schools, type PlanLimits } from './schools.table.js';

// A school's limits and features: its plan's, with per-school overrides on top.

export type PlanRow = typeof plans.$inferSelect;

export interface SchoolEntitlements {
  planId: string;
  limits: PlanLimits;
  features: Record<string, boolean>;
}

const LIMIT_KEYS = [
  'maxStudents',
  'maxStaff',
  'maxUsers',
  'maxStorageMb',
  'rateLimitPerMinute',
] as const;

export function entitlementsFor(
  plan: PlanRow,
  school: { limitOverrides: Partial<PlanLimits>; features: Record<string, boolean> },
): SchoolEntitlements {
  const limits = {} as PlanLimits;
  for (const key of LIMIT_KEYS) {
    const override = school.limitOverrides[key];
    limits[key] = typeof override === 'number' && override >= 0 ? override : plan[key];
  }
  return { planId: plan.id, limits, features: { ...plan.features, ...school.features } };
}

export async function listPlans(tx: Tx): Promise<PlanRow[]> {
  return tx.select().from(plans).orderBy(plans.maxStudents);
}

export async function defaultPlan(tx: Tx): Promise<PlanRow> {
  const rows = await tx.select().from(plans).where(eq(plans.isDefault, true)).limit(1);
  const plan = rows[0] ?? (await tx.select().from(plans).limit(1))[0];
  if (!plan) throw new Error('no plans are defined');
  return plan;
}

/** Must run inside withPlatform. */
export async function loadEntitlements(
  tx: Tx,
  schoolId: string,
): Promise<SchoolEntitlements | null> {
  const rows = await tx
    .select({ plan: plans, limitOverrides: schools.limitOverrides, features: schools.features })
    .from(schools)
    .innerJoin(plans, eq(plans.id, schools.planId))
    .where(eq(schools.id, schoolId))
    .limit(1);
  const row = rows[0];
  return row ? entitlementsFor(row.plan, row) : null;
}
