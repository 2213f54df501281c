import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { schools } from '../schools/schools.table.js';

// Tenant table: RLS-bound on school_id (policy and grants in db/migrations, checked by the
// isolation-invariant test). Email is unique per school, not globally.

export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const users = pgTable(
  'users',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    status: text('status').$type<UserStatus>().notNull().default('invited'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    locale: text('locale'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'users_pkey', columns: [t.schoolId, t.id] }),
    unique('users_school_email_key').on(t.schoolId, t.email),
    foreignKey({ name: 'users_school_fk', columns: [t.schoolId], foreignColumns: [schools.id] }),
    check('users_status_check', sql`${t.status} in ('invited', 'active', 'disabled')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);
