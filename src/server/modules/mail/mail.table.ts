import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { schools } from '../schools/schools.table.js';

// Every message a school sends is kept here: delivered through SMTP when configured (sent_at
// set), otherwise kept for the school's admins to read in the outbox.
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    primaryKey({ name: 'mail_outbox_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'mail_outbox_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
    index('mail_outbox_school_created_idx').on(t.schoolId, t.createdAt, t.id),
  ],
);
