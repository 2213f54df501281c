import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { classes } from '../academics/academics.table.js';
import { students } from '../people/people.table.js';
import { schools } from '../schools/schools.table.js';
import { users } from '../users/users.table.js';

// Tenant tables for the gradebook: the school's grading scales and settings, each class's
// weighted assessment categories, its assessments and the students' scores.

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const SCORE_STATUSES = ['scored', 'excused', 'missing'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

/** A band of a grading scale: the label given to averages at or above `minPercent`. */
export interface GradeBand {
  label: string;
  minPercent: number;
}

export const gradingScales = pgTable(
  'grading_scales',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    // Bands, highest first; the lowest band's minPercent is 0.
    bands: jsonb('bands').$type<GradeBand[]>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'grading_scales_pkey', columns: [t.schoolId, t.id] }),
    unique('grading_scales_school_name_key').on(t.schoolId, t.name),
    uniqueIndex('grading_scales_one_default_idx')
      .on(t.schoolId)
      .where(sql`${t.isDefault}`),
    foreignKey({
      name: 'grading_scales_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
  ],
);

export const gradebookSettings = pgTable(
  'gradebook_settings',
  {
    schoolId: uuid('school_id').notNull(),
    // When true a missing score counts as zero in averages; otherwise it is left out.
    missingCountsAsZero: boolean('missing_counts_as_zero').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'gradebook_settings_pkey', columns: [t.schoolId] }),
    foreignKey({
      name: 'gradebook_settings_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
  ],
);

export const assessmentCategories = pgTable(
  'assessment_categories',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    classId: uuid('class_id').notNull(),
    name: text('name').notNull(),
    // Relative weight; weights need not sum to 100 (they are normalised over the categories
    // that have scores).
    weight: numeric('weight', { precision: 7, scale: 2 }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'assessment_categories_pkey', columns: [t.schoolId, t.id] }),
    unique('assessment_categories_class_name_key').on(t.schoolId, t.classId, t.name),
    foreignKey({
      name: 'assessment_categories_class_fk',
      columns: [t.schoolId, t.classId],
      foreignColumns: [classes.schoolId, classes.id],
    }).onDelete('cascade'),
    check('assessment_categories_weight_check', sql`${t.weight} >= 0`),
  ],
);

export const assessments = pgTable(
  'assessments',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    classId: uuid('class_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    title: text('title').notNull(),
    maxScore: numeric('max_score', { precision: 8, scale: 2 }).notNull(),
    dueOn: date('due_on'),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'assessments_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'assessments_class_fk',
      columns: [t.schoolId, t.classId],
      foreignColumns: [classes.schoolId, classes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'assessments_category_fk',
      columns: [t.schoolId, t.categoryId],
      foreignColumns: [assessmentCategories.schoolId, assessmentCategories.id],
    }),
    check('assessments_max_score_check', sql`${t.maxScore} > 0`),
    index('assessments_class_due_idx').on(t.schoolId, t.classId, t.dueOn, t.id),
  ],
);

export const scores = pgTable(
  'scores',
  {
    schoolId: uuid('school_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    studentId: uuid('student_id').notNull(),
    status: text('status').$type<ScoreStatus>().notNull().default('scored'),
    points: numeric('points', { precision: 8, scale: 2 }),
    comment: text('comment'),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'scores_pkey', columns: [t.schoolId, t.assessmentId, t.studentId] }),
    foreignKey({
      name: 'scores_assessment_fk',
      columns: [t.schoolId, t.assessmentId],
      foreignColumns: [assessments.schoolId, assessments.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'scores_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    foreignKey({
      name: 'scores_updated_by_fk',
      columns: [t.schoolId, t.updatedBy],
      foreignColumns: [users.schoolId, users.id],
    }),
    check('scores_status_check', sql`${t.status} in ('scored', 'excused', 'missing')`),
    check(
      'scores_points_check',
      sql`(${t.status} = 'scored' and ${t.points} is not null and ${t.points} >= 0)
       or (${t.status} <> 'scored' and ${t.points} is null)`,
    ),
    index('scores_student_idx').on(t.schoolId, t.studentId),
  ],
);
