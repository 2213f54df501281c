import { randomBytes } from 'node:crypto';
import type { SchoolRow } from '../server/modules/schools/schools.repository.js';
import { insertSchool } from '../server/modules/schools/schools.repository.js';
import type { SchoolStatus } from '../server/modules/schools/schools.table.js';
import type { Database } from '../server/platform/db/database.js';
import { newId } from '../server/platform/db/ids.js';

export function uniqueSlug(prefix = 'school'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export async function createSchool(
  db: Database,
  overrides: Partial<{
    slug: string;
    name: string;
    status: SchoolStatus;
    locale: 'en' | 'ar';
    maintenance: boolean;
    trialEndsAt: Date | null;
    primaryColor: string;
  }> = {},
): Promise<SchoolRow> {
  const slug = overrides.slug ?? uniqueSlug();
  return db.withPlatform((tx) =>
    insertSchool(tx, {
      id: newId(),
      slug,
      name: overrides.name ?? `School ${slug}`,
      status: overrides.status ?? 'active',
      planId: 'standard',
      locale: overrides.locale ?? 'en',
      maintenance: overrides.maintenance ?? false,
      trialEndsAt: overrides.trialEndsAt ?? null,
      primaryColor: overrides.primaryColor ?? '#1f6feb',
    }),
  );
}
