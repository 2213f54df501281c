import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { schools } from '../schools/schools.table.js';

// Platform tables (app_platform only): the people who run the platform, their sessions, the
// one-time impersonation grants they create and the platform audit trail.

export const operators = pgTable(
  'operators',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull().unique('operators_email_key'),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    /** A secret shown to the operator but not yet confirmed with a code. */
    totpPendingSecret: text('totp_pending_secret'),
    status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('operators_status_check', sql`${t.status} in ('active', 'disabled')`),
    check('operators_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

export const operatorSessions = pgTable(
  'operator_sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique('operator_sessions_token_key'),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('operator_sessions_operator_idx').on(t.operatorId)],
);

export const impersonationGrants = pgTable(
  'impersonation_grants',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique('impersonation_grants_token_key'),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    ownerSchoolId: uuid('owner_school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    readOnly: boolean('read_only').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('impersonation_grants_school_idx').on(t.ownerSchoolId)],
);

export const platformAuditEvents = pgTable(
  'platform_audit_events',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    operatorId: uuid('operator_id'),
    operatorEmail: text('operator_email'),
    action: text('action').notNull(),
    // No foreign key: the trail outlives deleted schools (their tombstones stay here).
    targetSchoolId: uuid('target_school_id'),
    targetSchoolSlug: text('target_school_slug'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('platform_audit_events_at_idx').on(t.at, t.id),
    index('platform_audit_events_school_idx').on(t.targetSchoolId, t.at),
  ],
);
