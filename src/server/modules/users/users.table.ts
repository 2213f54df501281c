import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  inet,
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
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    // The person record this account belongs to, if any (records arrive with the people
    // module; at most one of the three is set, and each gets a composite foreign key then).
    linkedStaffId: uuid('linked_staff_id'),
    linkedStudentId: uuid('linked_student_id'),
    linkedGuardianId: uuid('linked_guardian_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'users_pkey', columns: [t.schoolId, t.id] }),
    unique('users_school_email_key').on(t.schoolId, t.email),
    foreignKey({ name: 'users_school_fk', columns: [t.schoolId], foreignColumns: [schools.id] }),
    check('users_status_check', sql`${t.status} in ('invited', 'active', 'disabled')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
    check(
      'users_single_link_check',
      sql`num_nonnulls(${t.linkedStaffId}, ${t.linkedStudentId}, ${t.linkedGuardianId}) <= 1`,
    ),
    index('users_school_name_idx').on(t.schoolId, t.name, t.id),
  ],
);

export const customRoles = pgTable(
  'custom_roles',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    permissions: text('permissions').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'custom_roles_pkey', columns: [t.schoolId, t.id] }),
    unique('custom_roles_school_name_key').on(t.schoolId, t.name),
    foreignKey({
      name: 'custom_roles_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
  ],
);

export const userCustomRoles = pgTable(
  'user_custom_roles',
  {
    schoolId: uuid('school_id').notNull(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'user_custom_roles_pkey', columns: [t.schoolId, t.userId, t.roleId] }),
    foreignKey({
      name: 'user_custom_roles_user_fk',
      columns: [t.schoolId, t.userId],
      foreignColumns: [users.schoolId, users.id],
    }),
    foreignKey({
      name: 'user_custom_roles_role_fk',
      columns: [t.schoolId, t.roleId],
      foreignColumns: [customRoles.schoolId, customRoles.id],
    }),
    index('user_custom_roles_role_idx').on(t.schoolId, t.roleId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    tokenHash: text('token_hash').notNull(),
    // Null for an operator's impersonation session, which belongs to no school account.
    userId: uuid('user_id'),
    impersonatedBy: uuid('impersonated_by'),
    impersonatorEmail: text('impersonator_email'),
    readOnly: boolean('read_only').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ name: 'sessions_pkey', columns: [t.schoolId, t.id] }),
    unique('sessions_school_token_key').on(t.schoolId, t.tokenHash),
    foreignKey({
      name: 'sessions_user_fk',
      columns: [t.schoolId, t.userId],
      foreignColumns: [users.schoolId, users.id],
    }),
    index('sessions_user_idx').on(t.schoolId, t.userId),
    check('sessions_owner_check', sql`num_nonnulls(${t.userId}, ${t.impersonatedBy}) = 1`),
  ],
);

export const TOKEN_PURPOSES = ['invitation', 'password-reset', 'sign-in'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export const userTokens = pgTable(
  'user_tokens',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose').$type<TokenPurpose>().notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'user_tokens_pkey', columns: [t.schoolId, t.id] }),
    unique('user_tokens_school_hash_key').on(t.schoolId, t.tokenHash),
    foreignKey({
      name: 'user_tokens_user_fk',
      columns: [t.schoolId, t.userId],
      foreignColumns: [users.schoolId, users.id],
    }),
    index('user_tokens_user_idx').on(t.schoolId, t.userId, t.purpose),
    check(
      'user_tokens_purpose_check',
      sql`${t.purpose} in ('invitation', 'password-reset', 'sign-in')`,
    ),
  ],
);
