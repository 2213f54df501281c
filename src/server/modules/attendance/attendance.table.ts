import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { classes, sections } from '../academics/academics.table.js';
import { guardians, students } from '../people/people.table.js';
import { staff } from '../people/people.table.js';
import { schools } from '../schools/schools.table.js';
import { periods } from '../timetable/timetable.table.js';
import { users } from '../users/users.table.js';

// Tenant tables for attendance. A register is one taking of attendance: a section's daily
// register for a date, or a class's register for a date and (optionally) a period. Each
// register holds one mark per student; every change to a mark is kept in the history.

export const ATTENDANCE_STATUSES = ['present', 'absent', 'late', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const REGISTER_KINDS = ['daily', 'class'] as const;
export const ABSENCE_NOTE_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;

export const attendanceSettings = pgTable(
  'attendance_settings',
  {
    schoolId: uuid('school_id').notNull(),
    // How many days back a teacher may record or correct (0 = the same day only).
    editWindowDays: integer('edit_window_days').notNull().default(0),
    // Students whose attendance rate falls below this (percent) are listed for follow-up.
    lowAttendanceThreshold: numeric('low_attendance_threshold', { precision: 5, scale: 2 })
      .notNull()
      .default('90'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'attendance_settings_pkey', columns: [t.schoolId] }),
    foreignKey({
      name: 'attendance_settings_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
    check('attendance_settings_window_check', sql`${t.editWindowDays} between 0 and 365`),
    check(
      'attendance_settings_threshold_check',
      sql`${t.lowAttendanceThreshold} between 0 and 100`,
    ),
  ],
);

export const attendanceRegisters = pgTable(
  'attendance_registers',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').$type<(typeof REGISTER_KINDS)[number]>().notNull(),
    date: date('date').notNull(),
    sectionId: uuid('section_id'),
    classId: uuid('class_id'),
    periodId: uuid('period_id'),
    // Who acted: the account (null for an operator acting in the school) and the name shown.
    takenBy: uuid('taken_by'),
    takenByName: text('taken_by_name').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'attendance_registers_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'attendance_registers_section_fk',
      columns: [t.schoolId, t.sectionId],
      foreignColumns: [sections.schoolId, sections.id],
    }),
    foreignKey({
      name: 'attendance_registers_class_fk',
      columns: [t.schoolId, t.classId],
      foreignColumns: [classes.schoolId, classes.id],
    }),
    foreignKey({
      name: 'attendance_registers_period_fk',
      columns: [t.schoolId, t.periodId],
      foreignColumns: [periods.schoolId, periods.id],
    }),
    foreignKey({
      name: 'attendance_registers_taken_by_fk',
      columns: [t.schoolId, t.takenBy],
      foreignColumns: [users.schoolId, users.id],
    }),
    foreignKey({
      name: 'attendance_registers_updated_by_fk',
      columns: [t.schoolId, t.updatedBy],
      foreignColumns: [users.schoolId, users.id],
    }),
    check(
      'attendance_registers_kind_check',
      sql`(${t.kind} = 'daily' and ${t.sectionId} is not null and ${t.classId} is null and ${t.periodId} is null)
       or (${t.kind} = 'class' and ${t.classId} is not null and ${t.sectionId} is null)`,
    ),
    uniqueIndex('attendance_registers_daily_key')
      .on(t.schoolId, t.sectionId, t.date)
      .where(sql`${t.kind} = 'daily'`),
    // A class register without a period is one per day; with periods, one per period.
    uniqueIndex('attendance_registers_class_key')
      .on(
        t.schoolId,
        t.classId,
        t.date,
        sql`coalesce(${t.periodId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.kind} = 'class'`),
    index('attendance_registers_date_idx').on(t.schoolId, t.date),
  ],
);

export const attendanceMarks = pgTable(
  'attendance_marks',
  {
    schoolId: uuid('school_id').notNull(),
    registerId: uuid('register_id').notNull(),
    studentId: uuid('student_id').notNull(),
    // Copied from the register so reports over a date range read one index.
    date: date('date').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'attendance_marks_pkey',
      columns: [t.schoolId, t.registerId, t.studentId],
    }),
    foreignKey({
      name: 'attendance_marks_register_fk',
      columns: [t.schoolId, t.registerId],
      foreignColumns: [attendanceRegisters.schoolId, attendanceRegisters.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'attendance_marks_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    check(
      'attendance_marks_status_check',
      sql`${t.status} in ('present', 'absent', 'late', 'excused')`,
    ),
    index('attendance_marks_student_date_idx').on(t.schoolId, t.studentId, t.date),
  ],
);

/** Every change to a mark after it was first recorded: who changed what, and when. */
export const attendanceMarkHistory = pgTable(
  'attendance_mark_history',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    registerId: uuid('register_id').notNull(),
    studentId: uuid('student_id').notNull(),
    previousStatus: text('previous_status').$type<AttendanceStatus>().notNull(),
    previousNote: text('previous_note'),
    newStatus: text('new_status').$type<AttendanceStatus>().notNull(),
    newNote: text('new_note'),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'attendance_mark_history_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'attendance_mark_history_mark_fk',
      columns: [t.schoolId, t.registerId, t.studentId],
      foreignColumns: [
        attendanceMarks.schoolId,
        attendanceMarks.registerId,
        attendanceMarks.studentId,
      ],
    }).onDelete('cascade'),
    index('attendance_mark_history_mark_idx').on(t.schoolId, t.registerId, t.studentId),
  ],
);

/** An admin's permission for one teacher to record outside the window, for a span of dates. */
export const attendanceUnlocks = pgTable(
  'attendance_unlocks',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by'),
    grantedByName: text('granted_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'attendance_unlocks_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'attendance_unlocks_staff_fk',
      columns: [t.schoolId, t.staffId],
      foreignColumns: [staff.schoolId, staff.id],
    }),
    foreignKey({
      name: 'attendance_unlocks_granted_by_fk',
      columns: [t.schoolId, t.grantedBy],
      foreignColumns: [users.schoolId, users.id],
    }),
    check('attendance_unlocks_dates_check', sql`${t.startsOn} <= ${t.endsOn}`),
    index('attendance_unlocks_staff_idx').on(t.schoolId, t.staffId, t.expiresAt),
  ],
);

/** A guardian's note explaining an absence, accepted or rejected by staff. */
export const absenceNotes = pgTable(
  'absence_notes',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    studentId: uuid('student_id').notNull(),
    guardianId: uuid('guardian_id').notNull(),
    submittedBy: uuid('submitted_by'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    status: text('status')
      .$type<(typeof ABSENCE_NOTE_STATUSES)[number]>()
      .notNull()
      .default('pending'),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'absence_notes_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'absence_notes_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    foreignKey({
      name: 'absence_notes_guardian_fk',
      columns: [t.schoolId, t.guardianId],
      foreignColumns: [guardians.schoolId, guardians.id],
    }),
    foreignKey({
      name: 'absence_notes_submitted_by_fk',
      columns: [t.schoolId, t.submittedBy],
      foreignColumns: [users.schoolId, users.id],
    }),
    foreignKey({
      name: 'absence_notes_reviewed_by_fk',
      columns: [t.schoolId, t.reviewedBy],
      foreignColumns: [users.schoolId, users.id],
    }),
    check('absence_notes_dates_check', sql`${t.startsOn} <= ${t.endsOn}`),
    check(
      'absence_notes_status_check',
      sql`${t.status} in ('pending', 'accepted', 'rejected', 'withdrawn')`,
    ),
    index('absence_notes_student_idx').on(t.schoolId, t.studentId, t.startsOn),
    index('absence_notes_pending_idx')
      .on(t.schoolId, t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
