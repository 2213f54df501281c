import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { classes, rooms, sections, terms } from '../academics/academics.table.js';
import { staff } from '../people/people.table.js';
import { schools } from '../schools/schools.table.js';

// Tenant tables for the weekly timetable. Days are ISO weekdays (1 = Monday … 7 = Sunday).
// The unique indexes on (term, day, period, …) are the last line against double bookings; the
// service checks first so the refusal can name the clash.

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A slot in the school day (e.g. "Period 1", 08:00–08:45) and the weekdays it runs on. */
export const periods = pgTable(
  'periods',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    days: smallint('days')
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5}'::smallint[]`),
    sortOrder: integer('sort_order').notNull().default(0),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'periods_pkey', columns: [t.schoolId, t.id] }),
    unique('periods_school_name_key').on(t.schoolId, t.name),
    foreignKey({ name: 'periods_school_fk', columns: [t.schoolId], foreignColumns: [schools.id] }),
    check('periods_times_check', sql`${t.startsAt} < ${t.endsAt}`),
    check(
      'periods_days_check',
      sql`cardinality(${t.days}) > 0 and ${t.days} <@ '{1,2,3,4,5,6,7}'::smallint[]`,
    ),
  ],
);

/** One class meeting: a class in a period on a weekday, in a room, with a teacher. */
export const timetableEntries = pgTable(
  'timetable_entries',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    termId: uuid('term_id').notNull(),
    classId: uuid('class_id').notNull(),
    day: smallint('day').notNull(),
    periodId: uuid('period_id').notNull(),
    roomId: uuid('room_id'),
    teacherId: uuid('teacher_id'),
    // The section the class is taught to (copied from the class; null for a grade-level class),
    // so a section's double booking is caught by an index.
    sectionId: uuid('section_id'),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'timetable_entries_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'timetable_entries_term_fk',
      columns: [t.schoolId, t.termId],
      foreignColumns: [terms.schoolId, terms.id],
    }),
    foreignKey({
      name: 'timetable_entries_class_fk',
      columns: [t.schoolId, t.classId],
      foreignColumns: [classes.schoolId, classes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'timetable_entries_period_fk',
      columns: [t.schoolId, t.periodId],
      foreignColumns: [periods.schoolId, periods.id],
    }),
    foreignKey({
      name: 'timetable_entries_room_fk',
      columns: [t.schoolId, t.roomId],
      foreignColumns: [rooms.schoolId, rooms.id],
    }),
    foreignKey({
      name: 'timetable_entries_teacher_fk',
      columns: [t.schoolId, t.teacherId],
      foreignColumns: [staff.schoolId, staff.id],
    }),
    foreignKey({
      name: 'timetable_entries_section_fk',
      columns: [t.schoolId, t.sectionId],
      foreignColumns: [sections.schoolId, sections.id],
    }),
    check('timetable_entries_day_check', sql`${t.day} between 1 and 7`),
    uniqueIndex('timetable_entries_class_slot_key').on(
      t.schoolId,
      t.termId,
      t.day,
      t.periodId,
      t.classId,
    ),
    uniqueIndex('timetable_entries_teacher_slot_key')
      .on(t.schoolId, t.termId, t.day, t.periodId, t.teacherId)
      .where(sql`${t.teacherId} is not null`),
    uniqueIndex('timetable_entries_room_slot_key')
      .on(t.schoolId, t.termId, t.day, t.periodId, t.roomId)
      .where(sql`${t.roomId} is not null`),
    uniqueIndex('timetable_entries_section_slot_key')
      .on(t.schoolId, t.termId, t.day, t.periodId, t.sectionId)
      .where(sql`${t.sectionId} is not null`),
    index('timetable_entries_class_idx').on(t.schoolId, t.classId),
    index('timetable_entries_teacher_idx').on(t.schoolId, t.teacherId, t.termId),
    index('timetable_entries_room_idx').on(t.schoolId, t.roomId, t.termId),
    index('timetable_entries_section_idx').on(t.schoolId, t.sectionId, t.termId),
  ],
);
