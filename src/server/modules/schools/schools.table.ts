import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  primaryKey,
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
    /** Per-school overrides of the plan's limits (same keys as the plan's limit columns). */
    limitOverrides: jsonb('limit_overrides').$type<Partial<PlanLimits>>().notNull().default({}),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    // Figures kept current by usage metering, so the console can sort 10,000 schools by them.
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    userCount: integer('user_count').notNull().default(0),
    studentCount: integer('student_count').notNull().default(0),
    staffCount: integer('staff_count').notNull().default(0),
    storageBytes: bigint('storage_bytes', { mode: 'number' }).notNull().default(0),
    requests30d: bigint('requests_30d', { mode: 'number' }).notNull().default(0),
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
    index('schools_created_idx').on(t.createdAt, t.id),
    index('schools_last_activity_idx').on(t.lastActivityAt, t.id),
    index('schools_students_idx').on(t.studentCount, t.id),
    index('schools_requests_idx').on(t.requests30d, t.id),
    index('schools_name_idx').on(t.name, t.id),
    index('schools_plan_idx').on(t.planId, t.createdAt, t.id),
  ],
);

export interface PlanLimits {
  maxStudents: number;
  maxStaff: number;
  maxUsers: number;
  maxStorageMb: number;
  rateLimitPerMinute: number;
}

export const schoolStatusHistory = pgTable(
  'school_status_history',
  {
    id: uuid('id').primaryKey(),
    ownerSchoolId: uuid('owner_school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    operatorId: uuid('operator_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('school_status_history_school_idx').on(t.ownerSchoolId, t.at)],
);

/** Per school per hour: request and error counts and a latency histogram. */
export const schoolUsage = pgTable(
  'school_usage',
  {
    ownerSchoolId: uuid('owner_school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    requests: integer('requests').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    latencyBuckets: integer('latency_buckets').array().notNull(),
  },
  (t) => [primaryKey({ name: 'school_usage_pkey', columns: [t.ownerSchoolId, t.bucketStart] })],
);

/** Who was active in a school on a day (user ids only), to count daily active users. */
export const schoolActiveUsers = pgTable(
  'school_active_users',
  {
    ownerSchoolId: uuid('owner_school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    actorKey: text('actor_key').notNull(),
  },
  (t) => [
    primaryKey({ name: 'school_active_users_pkey', columns: [t.ownerSchoolId, t.day, t.actorKey] }),
  ],
);

/** Deployment-wide secrets generated on first start when none is configured. */
export const platformSecrets = pgTable('platform_secrets', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
    attempts: integer('attempts').notNull().default(0),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('custom_domains_status_check', sql`${t.status} in ('pending', 'verified', 'failed')`),
    index('custom_domains_owner_idx').on(t.ownerSchoolId),
    index('custom_domains_next_check_idx').on(t.status, t.nextCheckAt),
  ],
);
