import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { schools } from '../schools/schools.table.js';

// Tenant tables for the people of a school. Every key and reference carries school_id, so a
// row can never point at another school's records.

export const STAFF_STATUSES = ['active', 'archived'] as const;
export const STUDENT_STATUSES = [
  'applicant',
  'enrolled',
  'suspended',
  'graduated',
  'transferred',
  'withdrawn',
] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];
export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const staff = pgTable(
  'staff',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    employeeNumber: text('employee_number').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    position: text('position').notNull().default(''),
    department: text('department').notNull().default(''),
    isTeacher: boolean('is_teacher').notNull().default(false),
    status: text('status').$type<(typeof STAFF_STATUSES)[number]>().notNull().default('active'),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'staff_pkey', columns: [t.schoolId, t.id] }),
    unique('staff_school_number_key').on(t.schoolId, t.employeeNumber),
    foreignKey({ name: 'staff_school_fk', columns: [t.schoolId], foreignColumns: [schools.id] }),
    check('staff_status_check', sql`${t.status} in ('active', 'archived')`),
    index('staff_school_name_idx').on(t.schoolId, t.lastName, t.firstName, t.id),
  ],
);

export const students = pgTable(
  'students',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    admissionNumber: text('admission_number').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth'),
    gender: text('gender').$type<(typeof GENDERS)[number]>().notNull().default('unspecified'),
    status: text('status').$type<StudentStatus>().notNull().default('applicant'),
    enrolledOn: date('enrolled_on'),
    /** The student's current section (homeroom); history lives in section_enrollments. */
    sectionId: uuid('section_id'),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'students_pkey', columns: [t.schoolId, t.id] }),
    unique('students_school_admission_key').on(t.schoolId, t.admissionNumber),
    foreignKey({ name: 'students_school_fk', columns: [t.schoolId], foreignColumns: [schools.id] }),
    check(
      'students_status_check',
      sql`${t.status} in ('applicant', 'enrolled', 'suspended', 'graduated', 'transferred', 'withdrawn')`,
    ),
    check('students_gender_check', sql`${t.gender} in ('female', 'male', 'other', 'unspecified')`),
    index('students_school_name_idx').on(t.schoolId, t.lastName, t.firstName, t.id),
    index('students_school_section_idx').on(t.schoolId, t.sectionId),
    index('students_school_status_idx').on(t.schoolId, t.status),
  ],
);

export const guardians = pgTable(
  'guardians',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: 'guardians_pkey', columns: [t.schoolId, t.id] }),
    foreignKey({
      name: 'guardians_school_fk',
      columns: [t.schoolId],
      foreignColumns: [schools.id],
    }),
    index('guardians_school_name_idx').on(t.schoolId, t.lastName, t.firstName, t.id),
    index('guardians_school_email_idx').on(t.schoolId, t.email),
  ],
);

export const studentGuardians = pgTable(
  'student_guardians',
  {
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    guardianId: uuid('guardian_id').notNull(),
    relationship: text('relationship').notNull().default('guardian'),
    isPrimary: boolean('is_primary').notNull().default(false),
    portalAccess: boolean('portal_access').notNull().default(true),
    pickupAllowed: boolean('pickup_allowed').notNull().default(true),
    noContact: boolean('no_contact').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'student_guardians_pkey',
      columns: [t.schoolId, t.studentId, t.guardianId],
    }),
    foreignKey({
      name: 'student_guardians_student_fk',
      columns: [t.schoolId, t.studentId],
      foreignColumns: [students.schoolId, students.id],
    }),
    foreignKey({
      name: 'student_guardians_guardian_fk',
      columns: [t.schoolId, t.guardianId],
      foreignColumns: [guardians.schoolId, guardians.id],
    }),
    index('student_guardians_guardian_idx').on(t.schoolId, t.guardianId),
  ],
);
