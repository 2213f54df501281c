import {
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { academicYears, classes, sections } from '../academics/academics.table.js';
import { students } from '../people/people.table.js';

// Which students belong where: a section (homeroom) per academic year, and classes over a
// span of dates (open-ended while current).

export const sectionEnrollments = pgTable(
  'section_enrollments',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    studentId: uuid('student_id').notNull(),
    sectionId: uuid('section_id').notNull(),
    academicYearId: uuid('academic_year_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'section_enrollments_pkey', columns: [t.schoolId, t.id] }),
    unique('section_enrollments_student_year_key').on(t.schoolId, t.studentId, t.academicYearId),
    foreignKey({
      name: 'section_enrollments_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    foreignKey({
      name: 'section_enrollments_section_fk',
      columns: [t.schoolId, t.sectionId],
      foreignColumns: [sections.schoolId, sections.id],
    }),
    foreignKey({
      name: 'section_enrollments_year_fk',
      columns: [t.schoolId, t.academicYearId],
      foreignColumns: [academicYears.schoolId, academicYears.id],
    }),
    index('section_enrollments_section_idx').on(t.schoolId, t.sectionId),
  ],
);

export const classEnrollments = pgTable(
  'class_enrollments',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'class_enrollments_pkey', columns: [t.schoolId, t.id] }),
    unique('class_enrollments_class_student_start_key').on(
      t.schoolId,
      t.classId,
      t.studentId,
      t.startsOn,
    ),
    foreignKey({
      name: 'class_enrollments_class_fk',
      columns: [t.schoolId, t.classId],
      foreignColumns: [classes.schoolId, classes.id],
    }),
    foreignKey({
      name: 'class_enrollments_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    index('class_enrollments_student_idx').on(t.schoolId, t.studentId),
    index('class_enrollments_class_idx').on(t.schoolId, t.classId),
  ],
);
