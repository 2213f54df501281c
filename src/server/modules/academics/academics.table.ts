import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff } from '../people/people.table.js';
import { schools } from '../schools/schools.table.js';

// Tenant tables for how a school organises its teaching: years and terms, grade levels and
// their sections (homerooms), subjects, rooms and the classes that tie them together.

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const academicYears = pgTable(
  'academic_years',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'academic_years_pkey', columns: [t.schoolId, t.id] }),
    unique('academic_years_school_name_key').on(t.schoolId, t.name),
    // At most one current year per school.
    uniqueIndex('academic_years_one_current_idx')
      .on(t.schoolId)
      .where(sql`${t.isCurrent}`),
    foreignKey({
      name: 'academic_years_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
    check('academic_years_dates_check', sql`${t.startsOn} < ${t.endsOn}`),
  ],
);

export const terms = pgTable(
  'terms',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    academicYearId: uuid('academic_year_id').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'terms_pkey', columns: [t.schoolId, t.id] }),
    unique('terms_school_year_name_key').on(t.schoolId, t.academicYearId, t.name),
    foreignKey({
      name: 'terms_year_fk',
      columns: [t.schoolId, t.academicYearId],
      foreignColumns: [academicYears.schoolId, academicYears.id],
    }),
    check('terms_dates_check', sql`${t.startsOn} < ${t.endsOn}`),
  ],
);

export const gradeLevels = pgTable(
  'grade_levels',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'grade_levels_pkey', columns: [t.schoolId, t.id] }),
    unique('grade_levels_school_name_key').on(t.schoolId, t.name),
    foreignKey({
      name: 'grade_levels_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
    index('grade_levels_school_order_idx').on(t.schoolId, t.sortOrder),
  ],
);

export const sections = pgTable(
  'sections',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    gradeLevelId: uuid('grade_level_id').notNull(),
    name: text('name').notNull(),
    homeroomTeacherId: uuid('homeroom_teacher_id'),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'sections_pkey', columns: [t.schoolId, t.id] }),
    unique('sections_school_grade_name_key').on(t.schoolId, t.gradeLevelId, t.name),
    foreignKey({
      name: 'sections_grade_fk',
      columns: [t.schoolId, t.gradeLevelId],
      foreignColumns: [gradeLevels.schoolId, gradeLevels.id],
    }),
    foreignKey({
      name: 'sections_homeroom_teacher_fk',
      columns: [t.schoolId, t.homeroomTeacherId],
      foreignColumns: [staff.schoolId, staff.id],
    }),
  ],
);

export const subjects = pgTable(
  'subjects',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'subjects_pkey', columns: [t.schoolId, t.id] }),
    unique('subjects_school_code_key').on(t.schoolId, t.code),
    foreignKey({ name: 'subjects_school_fk', columns: [t.schoolId], foreignColumns: [schools.id] }),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull().default(30),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'rooms_pkey', columns: [t.schoolId, t.id] }),
    unique('rooms_school_name_key').on(t.schoolId, t.name),
    foreignKey({ name: 'rooms_school_fk', columns: [t.schoolId], foreignColumns: [schools.id] }),
    check('rooms_capacity_check', sql`${t.capacity} > 0`),
  ],
);

/** A subject taught to a section (or a whole grade level) in a term, by teachers, in a room. */
export const classes = pgTable(
  'classes',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    subjectId: uuid('subject_id').notNull(),
    termId: uuid('term_id').notNull(),
    sectionId: uuid('section_id'),
    gradeLevelId: uuid('grade_level_id'),
    roomId: uuid('room_id'),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'classes_pkey', columns: [t.schoolId, t.id] }),
    unique('classes_school_term_name_key').on(t.schoolId, t.termId, t.name),
    foreignKey({
      name: 'classes_subject_fk',
      columns: [t.schoolId, t.subjectId],
      foreignColumns: [subjects.schoolId, subjects.id],
    }),
    foreignKey({
      name: 'classes_term_fk',
      columns: [t.schoolId, t.termId],
      foreignColumns: [terms.schoolId, terms.id],
    }),
    foreignKey({
      name: 'classes_section_fk',
      columns: [t.schoolId, t.sectionId],
      foreignColumns: [sections.schoolId, sections.id],
    }),
    foreignKey({
      name: 'classes_grade_fk',
      columns: [t.schoolId, t.gradeLevelId],
      foreignColumns: [gradeLevels.schoolId, gradeLevels.id],
    }),
    foreignKey({
      name: 'classes_room_fk',
      columns: [t.schoolId, t.roomId],
      foreignColumns: [rooms.schoolId, rooms.id],
    }),
    check('classes_group_check', sql`num_nonnulls(${t.sectionId}, ${t.gradeLevelId}) = 1`),
    index('classes_school_section_idx').on(t.schoolId, t.sectionId),
  ],
);

export const classTeachers = pgTable(
  'class_teachers',
  {
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    staffId: uuid('staff_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'class_teachers_pkey', columns: [t.schoolId, t.classId, t.staffId] }),
    foreignKey({
      name: 'class_teachers_class_fk',
      columns: [t.schoolId, t.classId],
      foreignColumns: [classes.schoolId, classes.id],
    }),
    foreignKey({
      name: 'class_teachers_staff_fk',
      columns: [t.schoolId, t.staffId],
      foreignColumns: [staff.schoolId, staff.id],
    }),
    index('class_teachers_staff_idx').on(t.schoolId, t.staffId),
  ],
);
