import type { Locale, PublicSchoolProfile } from '../../../shared/boot.js';
import type { ResolvedSchool } from '../../modules/schools/schools.repository.js';
import type { PlanLimits } from '../../modules/schools/schools.table.js';
import type { SchoolStatus } from '../../modules/schools/schools.table.js';

/** What a request needs to know about its school; cached per node and in Redis. */
export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  status: SchoolStatus;
  trialEndsAt: number | null;
  maintenance: boolean;
  locale: Locale;
  timezone: string;
  primaryColor: string;
  logoUrl: string | null;
  planId: string;
  /** Effective features and limits: the plan's, with this school's overrides. */
  features: Record<string, boolean>;
  limits: PlanLimits;
  /** Approximate bytes of the school's rows, as of the last figures refresh. */
  storageBytes: number;
}

export function toTenantRecord(row: ResolvedSchool): TenantRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    trialEndsAt: row.trialEndsAt ? row.trialEndsAt.getTime() : null,
    maintenance: row.maintenance,
    locale: row.locale === 'ar' ? 'ar' : 'en',
    timezone: row.timezone,
    primaryColor: row.primaryColor,
    logoUrl: row.logoUrl,
    planId: row.planId,
    features: row.entitlements.features,
    limits: row.entitlements.limits,
    storageBytes: row.storageBytes,
  };
}

export function toPublicProfile(tenant: TenantRecord): PublicSchoolProfile {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    locale: tenant.locale,
    timezone: tenant.timezone,
    branding: { primaryColor: tenant.primaryColor, logoUrl: tenant.logoUrl },
  };
}

export type TenantGate = 'open' | 'not-found' | 'suspended' | 'maintenance';

/** The status gate from hosts.md, as a pure function of the record and the clock. */
export function gateFor(tenant: TenantRecord | null, now: number): TenantGate {
  if (!tenant) return 'not-found';
  if (tenant.status === 'provisioning' || tenant.status === 'archived') return 'not-found';
  if (tenant.status === 'suspended') return 'suspended';
  if (tenant.status === 'trial' && tenant.trialEndsAt !== null && tenant.trialEndsAt <= now) {
    return 'suspended';
  }
  if (tenant.maintenance) return 'maintenance';
  return 'open';
}
