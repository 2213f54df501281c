import { desc, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { classes, terms } from '../academics/academics.table.js';
import { insertOperator } from '../operators/operators.repository.js';
import { publishTermReportCards } from '../report-cards/report-card-publishing.service.js';
import { insertUser } from '../users/users.repository.js';
import { users } from '../users/users.table.js';
import { seedDemoRecords } from './demo-records.js';
import { countSchools, insertSchool, type SchoolRow } from './schools.repository.js';
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

export const DEMO_PASSWORD = 'schoolhouse-demo';
export const DEMO_OPERATOR_EMAIL = 'operator@schoolhouse.demo';
/** The demo operator's published two-factor secret (base32); `npm run demo:totp` prints a code. */
export const DEMO_OPERATOR_TOTP_SECRET = 'SCHOOLHOUSEDEMOOPERATOR2FA234567';

/** The demo accounts of every demo school (domain.md, "Demo data"). */
export const DEMO_ACCOUNTS = [
  { local: 'admin', name: 'Amira Haddad', roles: ['admin'] },
  { local: 'teacher', name: 'Tom Baker', roles: ['teacher'] },
  { local: 'teacher2', name: 'Sara Lindqvist', roles: ['teacher'] },
  { local: 'staff', name: 'Sam Okafor', roles: ['staff'] },
  { local: 'accountant', name: 'Nadia Rahman', roles: ['accountant'] },
  { local: 'student', name: 'Lina Haddad', roles: ['student'] },
  { local: 'guardian', name: 'Omar Haddad', roles: ['guardian'] },
] as const;

export function demoEmail(local: string, slug: string): string {
  return `${local}@${slug}.demo`;
}

/**
 * Publishes the report cards of the term under way, so students and guardians have a card to
 * open on first start (an admin unpublishes the term to let teachers change their comments).
 */
async function publishDemoReportCards(tx: Tx, school: SchoolRow): Promise<void> {
  // The term the demo's classes are in: the one under way, or the last one before a holiday.
  const [term] = await tx
    .select({ id: terms.id })
    .from(terms)
    .where(
      sql`exists (select 1 from ${classes} c where c.school_id = ${terms.schoolId} and c.term_id = ${terms.id})`,
    )
    .orderBy(desc(terms.startsOn))
    .limit(1);
  if (!term) return;
  const [admin] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, demoEmail('admin', school.slug)));
  await publishTermReportCards(
    tx,
    school.id,
    term.id,
    { userId: admin?.id ?? null, name: admin?.name ?? 'Admin' },
    { name: school.name, locale: school.locale === 'ar' ? 'ar' : 'en' },
  );
}

/**
 * Creates the demo schools, their accounts and the demo operator when the database has no
 * school at all. Returns whether it did, so start-up can say so. A database with any school
 * in it is never touched, so demo accounts exist only where this created them.
 */
export async function seedDemoData(db: Database): Promise<boolean> {
  const empty = await db.withPlatform(async (tx) => (await countSchools(tx)) === 0);
  if (!empty) return false;
  // One hash for every demo account: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await db.withPlatform(async (tx) => {
    if ((await countSchools(tx)) > 0) return [];
    const rows = [];
    for (const demo of DEMO_SCHOOLS) {
      rows.push(
        await insertSchool(tx, {
          id: newId(),
          slug: demo.slug,
          name: demo.name,
          status: demo.status,
          planId: 'standard',
          locale: demo.locale,
          timezone: demo.timezone,
          primaryColor: demo.primaryColor,
        }),
      );
    }
    await insertOperator(tx, {
      id: newId(),
      email: DEMO_OPERATOR_EMAIL,
      name: 'Demo Operator',
      passwordHash,
      totpSecret: DEMO_OPERATOR_TOTP_SECRET,
    });
    return rows;
  });
  for (const school of created) {
    await db.withTenant(school.id, async (tx) => {
      for (const account of DEMO_ACCOUNTS) {
        await insertUser(tx, {
          schoolId: school.id,
          id: newId(),
          email: demoEmail(account.local, school.slug),
          name: account.name,
          status: 'active',
          roles: [...account.roles],
          passwordHash,
        });
      }
      await seedDemoRecords(
        tx,
        school.id,
        school.slug,
        school.locale === 'ar' ? 'ar' : 'en',
        {
          teacherEmail: demoEmail('teacher', school.slug),
          teacher2Email: demoEmail('teacher2', school.slug),
          staffEmail: demoEmail('staff', school.slug),
          studentEmail: demoEmail('student', school.slug),
          guardianEmail: demoEmail('guardian', school.slug),
        },
        school.timezone,
      );
      await publishDemoReportCards(tx, school);
    });
  }
  return created.length > 0;
}
