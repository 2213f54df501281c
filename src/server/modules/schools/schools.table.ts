import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// Platform tables: read and written only through withPlatform (role app_platform). They refer
// to a school through `owner_school_id`, never `school_id`: that column name is reserved for
// RLS-bound tenant rows, and the isolation-invariant test treats every table carrying it as one.

export const SCHOOL_STATUSES = [
  'provisioning',
  'trial',
  'active',
  'suspended',
  'archived',
] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  maxStudents: integer('max_students').notNull(),
  maxStaff: integer('max_staff').notNull(),
  maxUsers: integer('max_users').notNull(),
  maxStorageMb: integer('max_storage_mb').notNull(),
  rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
  features: jsonb('features').$type<Record<string, boolean>>().notNull().default({}),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique('schools_slug_key'),
    name: text('name').notNull(),
    status: text('status').$type<SchoolStatus>().notNull(),
    trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    maintenance: boolean('maintenance').notNull().default(false),
    timezone: text('timezone').notNull().default('UTC'),
    locale: text('locale').notNull().default('en'),
    primaryColor: text('primary_color').notNull().default('#1f6feb'),
    logoUrl: text('logo_url'),
    features: jsonb('features').$type<Record<string, boolean>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'schools_status_check',
      sql`${t.status} in ('provisioning', 'trial', 'active', 'suspended', 'archived')`,
    ),
    check('schools_locale_check', sql`${t.locale} in ('en', 'ar')`),
    check('schools_primary_color_check', sql`${t.primaryColor} ~ '^#[0-9a-f]{6}$'`),
    index('schools_status_created_idx').on(t.status, t.createdAt, t.id),
  ],
);

export const DOMAIN_STATUSES = ['pending', 'verified', 'failed'] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

export const customDomains = pgTable(
  'custom_domains',
  {
    id: uuid('id').primaryKey(),
    ownerSchoolId: uuid('owner_school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    hostname: text('hostname').notNull().unique('custom_domains_hostname_key'),
    verificationToken: text('verification_token').notNull(),
    status: text('status').$type<DomainStatus>().notNull().default('pending'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('custom_domains_status_check', sql`${t.status} in ('pending', 'verified', 'failed')`),
    index('custom_domains_owner_idx').on(t.ownerSchoolId),
  ],
);
