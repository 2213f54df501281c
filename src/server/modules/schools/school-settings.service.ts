import { eq, sql } from 'drizzle-orm';
import type { SchoolSettings } from '../../../shared/contracts/identity.js';
import { changes, recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { customDomains, schools } from './schools.table.js';

type SettingsInput = Partial<SchoolSettings>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function getSchoolSettings(ctx: TenantContext): Promise<SchoolSettings> {
  requirePermission(ctx, 'school:manage');
  const { school } = ctx;
  return {
    name: school.name,
    locale: school.locale,
    timezone: school.timezone,
    primaryColor: school.primaryColor,
    logoUrl: school.logoUrl,
  };
}

/** A school admin edits the school's own profile; the school row is a platform row. */
export async function updateSchoolSettings(
  ctx: TenantContext,
  input: SettingsInput,
): Promise<SchoolSettings> {
  requirePermission(ctx, 'school:manage');
  if (input.timezone !== undefined && !isTimeZone(input.timezone)) {
    throw new AppError('VALIDATION_FAILED', 'The time zone is not known.', [
      {
        field: 'timezone',
        code: 'unknown',
        message: 'is not an IANA time zone such as Europe/London',
      },
    ]);
  }
  const before = await getSchoolSettings(ctx);
  const fields = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
    ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
    ...(input.primaryColor !== undefined ? { primaryColor: input.primaryColor } : {}),
    ...(input.logoUrl !== undefined ? { logoUrl: input.logoUrl } : {}),
  };
  await ctx.services.db.withPlatform((tx) =>
    tx
      .update(schools)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(eq(schools.id, ctx.schoolId)),
  );
  const after: SchoolSettings = { ...before, ...fields };
  await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    recordAudit(tx, ctx, {
      action: 'school.settings_updated',
      entityType: 'school',
      entityId: ctx.schoolId,
      ...changes({ ...before }, { ...after }),
    }),
  );
  const hosts = await ctx.services.db.withPlatform(async (tx) =>
    (
      await tx
        .select({ hostname: customDomains.hostname })
        .from(customDomains)
        .where(eq(customDomains.ownerSchoolId, ctx.schoolId))
    ).map((d) => d.hostname),
  );
  await ctx.services.directory.invalidate({ slugs: [ctx.school.slug], hosts });
  return after;
}
