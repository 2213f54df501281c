import { Type, type Static } from '@sinclair/typebox';
import { ListQuery } from './identity.js';

// API contract for the people of a school: students, guardians (and their links to students)
// and staff. Dates are calendar dates (`YYYY-MM-DD`); timestamps are ISO 8601.

const Id = Type.String({ format: 'uuid' });
const DateOnly = Type.String({ format: 'date' });
const NullableDate = Type.Union([DateOnly, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });
const Email = Type.String({ format: 'email', maxLength: 254 });
// At least one visible character: a name or number of spaces only is refused.
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const RecordNumber = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
const Phone = Type.String({ minLength: 1, maxLength: 40 });
const Text = (maxLength: number) => Type.String({ maxLength });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Order = Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' });
const Search = Type.String({ maxLength: 200 });

export const StudentStatusSchema = Type.Union([
  Type.Literal('applicant'),
  Type.Literal('enrolled'),
  Type.Literal('suspended'),
  Type.Literal('graduated'),
  Type.Literal('transferred'),
  Type.Literal('withdrawn'),
]);
export type StudentStatusValue = Static<typeof StudentStatusSchema>;

export const GenderSchema = Type.Union([
  Type.Literal('female'),
  Type.Literal('male'),
  Type.Literal('other'),
  Type.Literal('unspecified'),
]);

// Students

export const StudentSchema = Type.Object({
  id: Id,
  admissionNumber: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  dateOfBirth: NullableDate,
  gender: GenderSchema,
  status: StudentStatusSchema,
  enrolledOn: NullableDate,
  sectionId: Type.Union([Id, Type.Null()]),
  /** The school account linked to this student, if any. */
  userId: Type.Union([Id, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Student = Static<typeof StudentSchema>;

export const StudentListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Type.Optional(Search),
      status: Type.Optional(StudentStatusSchema),
      sectionId: Type.Optional(Id),
      gradeLevelId: Type.Optional(Id),
      sort: Type.Optional(
        Type.Union([Type.Literal('name'), Type.Literal('admissionNumber')], { default: 'name' }),
      ),
      order: Type.Optional(Order),
    }),
  ],
  { additionalProperties: false },
);
export type StudentListQuery = Static<typeof StudentListQuery>;

export const CreateStudentBody = Type.Object(
  {
    admissionNumber: RecordNumber,
    firstName: Name,
    lastName: Name,
    dateOfBirth: Type.Optional(NullableDate),
    gender: Type.Optional(GenderSchema),
    /** New records start as applicants, or enrolled for a student who is already attending. */
    status: Type.Optional(Type.Union([Type.Literal('applicant'), Type.Literal('enrolled')])),
    enrolledOn: Type.Optional(NullableDate),
    sectionId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateStudentBody = Static<typeof CreateStudentBody>;

export const UpdateStudentBody = Type.Object(
  {
    admissionNumber: Type.Optional(RecordNumber),
    firstName: Type.Optional(Name),
    lastName: Type.Optional(Name),
    dateOfBirth: Type.Optional(NullableDate),
    gender: Type.Optional(GenderSchema),
    enrolledOn: Type.Optional(NullableDate),
    sectionId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStudentBody = Static<typeof UpdateStudentBody>;

export const StudentStatusBody = Type.Object(
  {
    status: StudentStatusSchema,
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type StudentStatusBody = Static<typeof StudentStatusBody>;

// Guardians

export const GuardianSchema = Type.Object({
  id: Id,
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Id, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Guardian = Static<typeof GuardianSchema>;

export const GuardianListQuery = Type.Composite(
  [ListQuery, Type.Object({ q: Type.Optional(Search), order: Type.Optional(Order) })],
  { additionalProperties: false },
);
export type GuardianListQuery = Static<typeof GuardianListQuery>;

export const CreateGuardianBody = Type.Object(
  {
    firstName: Name,
    lastName: Name,
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    address: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);
export type CreateGuardianBody = Static<typeof CreateGuardianBody>;

/** A guardian holding only `guardians:update-self` may send the contact fields only. */
export const UpdateGuardianBody = Type.Object(
  {
    firstName: Type.Optional(Name),
    lastName: Type.Optional(Name),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    address: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGuardianBody = Static<typeof UpdateGuardianBody>;

// Links between students and guardians, with the per-student flags.

const LinkFields = {
  studentId: Id,
  guardianId: Id,
  relationship: Type.String(),
  isPrimary: Type.Boolean(),
  portalAccess: Type.Boolean(),
  pickupAllowed: Type.Boolean(),
  noContact: Type.Boolean(),
};

export const StudentGuardianSchema = Type.Object({ ...LinkFields, guardian: GuardianSchema });
export type StudentGuardian = Static<typeof StudentGuardianSchema>;

export const GuardianStudentSchema = Type.Object({ ...LinkFields, student: StudentSchema });
export type GuardianStudent = Static<typeof GuardianStudentSchema>;

/** Omitted fields keep their current value, or take the default when the link is new. */
export const StudentGuardianBody = Type.Object(
  {
    relationship: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' })),
    isPrimary: Type.Optional(Type.Boolean()),
    portalAccess: Type.Optional(Type.Boolean()),
    pickupAllowed: Type.Optional(Type.Boolean()),
    noContact: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StudentGuardianBody = Static<typeof StudentGuardianBody>;

export const StudentGuardianParams = Type.Object(
  { id: Id, guardianId: Id },
  { additionalProperties: false },
);

export const StudentGuardianList = Type.Object({ items: Type.Array(StudentGuardianSchema) });
export const GuardianStudentList = Type.Object({ items: Type.Array(GuardianStudentSchema) });

// Staff

export const StaffStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('archived')]);

export const StaffSchema = Type.Object({
  id: Id,
  employeeNumber: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  position: Type.String(),
  department: Type.String(),
  isTeacher: Type.Boolean(),
  status: StaffStatusSchema,
  userId: Type.Union([Id, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Staff = Static<typeof StaffSchema>;

export const StaffListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Type.Optional(Search),
      isTeacher: Type.Optional(Type.Boolean()),
      status: Type.Optional(StaffStatusSchema),
      department: Type.Optional(Type.String({ maxLength: 100 })),
      sort: Type.Optional(
        Type.Union([Type.Literal('name'), Type.Literal('employeeNumber')], { default: 'name' }),
      ),
      order: Type.Optional(Order),
    }),
  ],
  { additionalProperties: false },
);
export type StaffListQuery = Static<typeof StaffListQuery>;

export const CreateStaffBody = Type.Object(
  {
    employeeNumber: RecordNumber,
    firstName: Name,
    lastName: Name,
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    position: Type.Optional(Text(100)),
    department: Type.Optional(Text(100)),
    isTeacher: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateStaffBody = Static<typeof CreateStaffBody>;

export const UpdateStaffBody = Type.Object(
  {
    employeeNumber: Type.Optional(RecordNumber),
    firstName: Type.Optional(Name),
    lastName: Type.Optional(Name),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    position: Type.Optional(Text(100)),
    department: Type.Optional(Text(100)),
    isTeacher: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStaffBody = Static<typeof UpdateStaffBody>;

// Accounts

/** Creates an invited school account for the person; the name defaults to theirs. */
export const LinkAccountBody = Type.Object(
  { email: Email, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type LinkAccountBody = Static<typeof LinkAccountBody>;
