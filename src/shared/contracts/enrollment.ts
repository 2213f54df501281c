import { Type, type Static } from '@sinclair/typebox';

// API contract for enrollment: students in sections (one per academic year) and in classes
// (over a span of dates), and the class lists read from them.

export const MAX_BULK_ENROLLMENT = 500;

const Id = Type.String({ format: 'uuid' });
const DateOnly = Type.String({ format: 'date' });
const NullableDate = Type.Union([DateOnly, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const EnrollInSectionBody = Type.Object(
  { studentId: Id, sectionId: Id, academicYearId: Id },
  { additionalProperties: false },
);
export type EnrollInSectionBody = Static<typeof EnrollInSectionBody>;

export const SectionEnrollmentSchema = Type.Object({
  id: Id,
  studentId: Id,
  sectionId: Id,
  academicYearId: Id,
  /** True when the year is the current one, so the student's current section follows it. */
  currentYear: Type.Boolean(),
  createdAt: Timestamp,
});
export type SectionEnrollment = Static<typeof SectionEnrollmentSchema>;

export const EnrollInClassBody = Type.Object(
  {
    classId: Id,
    studentIds: Type.Array(Id, { minItems: 1, maxItems: MAX_BULK_ENROLLMENT, uniqueItems: true }),
    startsOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type EnrollInClassBody = Static<typeof EnrollInClassBody>;

export const ClassEnrollmentSchema = Type.Object({
  id: Id,
  classId: Id,
  studentId: Id,
  startsOn: DateOnly,
  endsOn: NullableDate,
  createdAt: Timestamp,
});
export type ClassEnrollment = Static<typeof ClassEnrollmentSchema>;

export const BulkClassEnrollmentSchema = Type.Object({
  created: Type.Array(ClassEnrollmentSchema),
  /** Students already enrolled in the class over the requested start, left as they were. */
  unchanged: Type.Array(ClassEnrollmentSchema),
});
export type BulkClassEnrollment = Static<typeof BulkClassEnrollmentSchema>;

export const EndClassEnrollmentBody = Type.Object(
  { endsOn: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export type EndClassEnrollmentBody = Static<typeof EndClassEnrollmentBody>;

export const RosterQuery = Type.Object(
  {
    on: Type.Optional(DateOnly),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RosterQuery = Static<typeof RosterQuery>;

export const RosterEntrySchema = Type.Object({
  enrollmentId: Id,
  studentId: Id,
  admissionNumber: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  startsOn: DateOnly,
  endsOn: NullableDate,
});
export type RosterEntry = Static<typeof RosterEntrySchema>;

export const RosterSchema = Type.Object({
  classId: Id,
  on: DateOnly,
  items: Type.Array(RosterEntrySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type Roster = Static<typeof RosterSchema>;

const Named = Type.Object({ id: Id, name: Type.String() });

export const ClassSummarySchema = Type.Object({
  id: Id,
  name: Type.String(),
  subject: Type.Object({ id: Id, code: Type.String(), name: Type.String() }),
  term: Type.Object({ id: Id, name: Type.String(), startsOn: DateOnly, endsOn: DateOnly }),
  section: Type.Union([Named, Type.Null()]),
  gradeLevel: Type.Union([Named, Type.Null()]),
  room: Type.Union([Named, Type.Null()]),
  teachers: Type.Array(Type.Object({ id: Id, firstName: Type.String(), lastName: Type.String() })),
});
export type ClassSummary = Static<typeof ClassSummarySchema>;

export const StudentClassSchema = Type.Composite([
  ClassSummarySchema,
  Type.Object({
    enrollment: Type.Object({ id: Id, startsOn: DateOnly, endsOn: NullableDate }),
  }),
]);
export type StudentClass = Static<typeof StudentClassSchema>;

export const StudentClassesQuery = Type.Object(
  { on: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export type StudentClassesQuery = Static<typeof StudentClassesQuery>;

export const StudentClassesSchema = Type.Object({
  on: DateOnly,
  items: Type.Array(StudentClassSchema),
});
export type StudentClasses = Static<typeof StudentClassesSchema>;

export const StaffClassesQuery = Type.Object(
  { termId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type StaffClassesQuery = Static<typeof StaffClassesQuery>;

export const StaffClassesSchema = Type.Object({ items: Type.Array(ClassSummarySchema) });
export type StaffClasses = Static<typeof StaffClassesSchema>;

export const MyClassesSchema = Type.Object({
  on: DateOnly,
  /** Classes the signed-in teacher teaches (current and upcoming terms). */
  teaching: Type.Array(ClassSummarySchema),
  /** The signed-in student's classes on that day. */
  enrolled: Type.Array(StudentClassSchema),
  /** For a guardian: each linked child's classes on that day. */
  children: Type.Array(
    Type.Object({
      student: Type.Object({
        id: Id,
        admissionNumber: Type.String(),
        firstName: Type.String(),
        lastName: Type.String(),
      }),
      classes: Type.Array(StudentClassSchema),
    }),
  ),
});
export type MyClasses = Static<typeof MyClassesSchema>;
