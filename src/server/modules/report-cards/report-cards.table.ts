import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { classes, terms } from '../academics/academics.table.js';
import { students } from '../people/people.table.js';
import { users } from '../users/users.table.js';
import type { ReportCardContent } from './report-card-content.js';

// Tenant tables for report cards: teachers' comments while a term is open, and the cards as
// published (a snapshot, so a card a family has read does not change under them).

/** A teacher's comment on a student for a class, or the homeroom comment when class_id is null. */
export const reportCardComments = pgTable(
  'report_card_comments',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    termId: uuid('term_id').notNull(),
    studentId: uuid('student_id').notNull(),
    classId: uuid('class_id'),
    body: text('body').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_card_comments_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'report_card_comments_term_fk',
      columns: [t.schoolId, t.termId],
      foreignColumns: [terms.schoolId, terms.id],
    }),
    foreignKey({
      name: 'report_card_comments_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    foreignKey({
      name: 'report_card_comments_class_fk',
      columns: [t.schoolId, t.classId],
      foreignColumns: [classes.schoolId, classes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'report_card_comments_author_fk',
      columns: [t.schoolId, t.authorId],
      foreignColumns: [users.schoolId, users.id],
    }),
    unique('report_card_comments_one_key')
      .on(t.schoolId, t.termId, t.studentId, t.classId)
      .nullsNotDistinct(),
  ],
);

/** A term's publication: when set, the term's cards are visible to students and guardians. */
export const reportCardPublications = pgTable(
  'report_card_publications',
  {
    schoolId: uuid('school_id').notNull(),
    termId: uuid('term_id').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by'),
    publishedByName: text('published_by_name').notNull(),
  },
  (t) => [
    primaryKey({ name: 'report_card_publications_pkey', columns: [t.schoolId, t.termId] }),
    foreignKey({
      name: 'report_card_publications_term_fk',
      columns: [t.schoolId, t.termId],
      foreignColumns: [terms.schoolId, terms.id],
    }),
    foreignKey({
      name: 'report_card_publications_by_fk',
      columns: [t.schoolId, t.publishedBy],
      foreignColumns: [users.schoolId, users.id],
    }),
  ],
);

/** One student's card for a term, as published. */
export const reportCards = pgTable(
  'report_cards',
  {
    schoolId: uuid('school_id').notNull(),
    termId: uuid('term_id').notNull(),
    studentId: uuid('student_id').notNull(),
    content: jsonb('content').$type<ReportCardContent>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_cards_pkey', columns: [t.schoolId, t.termId, t.studentId] }),
    foreignKey({
      name: 'report_cards_term_fk',
      columns: [t.schoolId, t.termId],
      foreignColumns: [terms.schoolId, terms.id],
    }),
    foreignKey({
      name: 'report_cards_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    index('report_cards_student_idx').on(t.schoolId, t.studentId),
  ],
);
