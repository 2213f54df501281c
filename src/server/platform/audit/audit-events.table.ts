import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { schools } from '../../modules/schools/schools.table.js';

// Append-only tenant table: app_tenant may insert and select, never update or delete.

export const auditEvents = pgTable(
  'audit_events',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorOperatorId: uuid('actor_operator_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ name: 'audit_events_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'audit_events_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
    index('audit_events_school_at_idx').on(t.schoolId, t.at, t.id),
  ],
);
