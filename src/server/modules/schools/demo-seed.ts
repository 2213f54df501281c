import type { Database } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { countSchools, insertSchool } from './schools.repository.js';
import type { SchoolStatus } from './schools.table.js';

export interface DemoSchool {
  slug: string;
  name: string;
  locale: 'en' | 'ar';
  timezone: string;
  primaryColor: string;
  status: SchoolStatus;
}

export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  {
    slug: 'greenwood',
    name: 'Greenwood High',
    locale: 'en',
    timezone: 'Europe/London',
    primaryColor: '#2f7d32',
    status: 'active',
  },
  {
    slug: 'oakridge',
    name: 'Oakridge Academy',
    locale: 'en',
    timezone: 'America/New_York',
    primaryColor: '#8d5524',
    status: 'active',
  },
  {
    slug: 'alnoor',
    name: 'Al-Noor School',
    locale: 'ar',
    timezone: 'Asia/Riyadh',
    primaryColor: '#00695c',
    status: 'active',
  },
  {
    slug: 'closedwood',
    name: 'Closedwood School',
    locale: 'en',
    timezone: 'UTC',
    primaryColor: '#616161',
    status: 'suspended',
  },
];

/**
 * Creates the demo schools when the database has no school at all. Returns whether it did,
 * so start-up can say so. A database with any school in it is never touched.
 */
export async function seedDemoData(db: Database): Promise<boolean> {
  return db.withPlatform(async (tx) => {
    if ((await countSchools(tx)) > 0) return false;
    for (const demo of DEMO_SCHOOLS) {
      await insertSchool(tx, {
        id: newId(),
        slug: demo.slug,
        name: demo.name,
        status: demo.status,
        planId: 'standard',
        locale: demo.locale,
        timezone: demo.timezone,
        primaryColor: demo.primaryColor,
      });
    }
    return true;
  });
}
