import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ListQuery } from './identity.js';

// API contract for attendance: registers (a section's daily register, or a class's register
// for a date and optional period) with one mark per student, the history of every correction,
// the recording window and its unlocks, reports, and guardians' absence notes.

const Id = Type.String({ format: 'uuid' });
const CalendarDate = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const strict = { additionalProperties: false } as const;

export const ATTENDANCE_STATUS_VALUES = ['present', 'absent', 'late', 'excused'] as const;
export const AttendanceStatusSchema = Type.Union(
  ATTENDANCE_STATUS_VALUES.map((s) => Type.Literal(s)),
);
export type AttendanceStatus = (typeof ATTENDANCE_STATUS_VALUES)[number];

export const RegisterKindSchema = Type.Union([Type.Literal('daily'), Type.Literal('class')]);
export type RegisterKind = Static<typeof RegisterKindSchema>;

/**
 * Why a register cannot be recorded by the caller (null when it can):
 * `no_permission` (may read, not record), `future_date`, `window_closed` (older than the
 * recording window, no unlock), `outside_term` (the class's term does not cover the date),
 * `period_not_scheduled` (the class meets that weekday, but not in that period).
 */
export const LOCKED_REASONS = [
  'no_permission',
  'future_date',
  'window_closed',
  'outside_term',
  'period_not_scheduled',
] as const;
export type LockedReason = (typeof LOCKED_REASONS)[number];

const NoteText = Type.String({ maxLength: 500 });

// ---------------------------------------------------------------------------------------------
// Registers

export const RegisterQuery = Type.Object(
  {
    classId: Type.Optional(Id),
    sectionId: Type.Optional(Id),
    periodId: Type.Optional(Id),
    date: Type.Optional(CalendarDate),
  },
  strict,
);
export type RegisterQuery = Static<typeof RegisterQuery>;

export const MarkCountsSchema = Type.Object({
  present: Type.Integer(),
  absent: Type.Integer(),
  late: Type.Integer(),
  excused: Type.Integer(),
});
export type MarkCounts = Static<typeof MarkCountsSchema>;

export const RegisterSummarySchema = Type.Object({
  id: Id,
  kind: RegisterKindSchema,
  date: CalendarDate,
  takenAt: Timestamp,
  takenByName: Type.String(),
  updatedAt: Timestamp,
  updatedByName: Type.String(),
});

export const RosterMarkSchema = Type.Object({
  studentId: Id,
  firstName: Type.String(),
  lastName: Type.String(),
  admissionNumber: Type.String(),
  status: AttendanceStatusSchema,
  note: Nullable(Type.String()),
});
export type RosterMark = Static<typeof RosterMarkSchema>;

const RegisterFields = {
  kind: RegisterKindSchema,
  date: CalendarDate,
  register: Nullable(RegisterSummarySchema),
  class: Nullable(Type.Object({ id: Id, name: Type.String(), termId: Id })),
  section: Nullable(Type.Object({ id: Id, name: Type.String(), gradeLevelName: Type.String() })),
  period: Nullable(
    Type.Object({ id: Id, name: Type.String(), startsAt: Type.String(), endsAt: Type.String() }),
  ),
  /** Everyone expected on the date, in name order; without a register everyone is present. */
  roster: Type.Array(RosterMarkSchema),
  counts: MarkCountsSchema,
  canRecord: Type.Boolean(),
  lockedReason: Nullable(Type.Union(LOCKED_REASONS.map((r) => Type.Literal(r)))),
};

export const RegisterViewSchema = Type.Object(RegisterFields);
export type RegisterView = Static<typeof RegisterViewSchema>;

export const SaveRegisterBody = Type.Object(
  {
    kind: RegisterKindSchema,
    classId: Type.Optional(Id),
    sectionId: Type.Optional(Id),
    periodId: Type.Optional(Id),
    date: CalendarDate,
    /** Students left out are present; every one listed must be on the roster. */
    marks: Type.Array(
      Type.Object(
        {
          studentId: Id,
          status: AttendanceStatusSchema,
          note: Type.Optional(Nullable(NoteText)),
        },
        strict,
      ),
      { maxItems: 1000 },
    ),
    /** Why marks were corrected; kept with each change in the history. */
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  strict,
);
export type SaveRegisterBody = Static<typeof SaveRegisterBody>;

export const SavedRegisterSchema = Type.Object({
  ...RegisterFields,
  counts: Type.Object({
    present: Type.Integer(),
    absent: Type.Integer(),
    late: Type.Integer(),
    excused: Type.Integer(),
    /** Marks whose status or note this save changed (each has a history row). */
    changed: Type.Integer(),
  }),
});
export type SavedRegister = Static<typeof SavedRegisterSchema>;

export const MarkChangeSchema = Type.Object({
  id: Id,
  previousStatus: AttendanceStatusSchema,
  previousNote: Nullable(Type.String()),
  newStatus: AttendanceStatusSchema,
  newNote: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  changedByName: Type.String(),
  changedAt: Timestamp,
});
export type MarkChange = Static<typeof MarkChangeSchema>;

export const RegisterHistoryQuery = Type.Object({ studentId: Type.Optional(Id) }, strict);
export type RegisterHistoryQuery = Static<typeof RegisterHistoryQuery>;

export const RegisterHistorySchema = Type.Object({
  registerId: Id,
  items: Type.Array(
    Type.Object({
      studentId: Id,
      firstName: Type.String(),
      lastName: Type.String(),
      status: AttendanceStatusSchema,
      note: Nullable(Type.String()),
      updatedAt: Timestamp,
      updatedByName: Type.String(),
      /** Oldest change first. */
      changes: Type.Array(MarkChangeSchema),
    }),
  ),
});
export type RegisterHistory = Static<typeof RegisterHistorySchema>;

export const MyRegistersQuery = Type.Object({ date: Type.Optional(CalendarDate) }, strict);
export type MyRegistersQuery = Static<typeof MyRegistersQuery>;

export const MyRegisterSchema = Type.Object({
  kind: RegisterKindSchema,
  class: Nullable(Type.Object({ id: Id, name: Type.String() })),
  section: Nullable(Type.Object({ id: Id, name: Type.String(), gradeLevelName: Type.String() })),
  period: Nullable(
    Type.Object({ id: Id, name: Type.String(), startsAt: Type.String(), endsAt: Type.String() }),
  ),
  /** The period's start (HH:MM), null for a daily register. */
  startsAt: Nullable(Type.String()),
  taken: Type.Boolean(),
  registerId: Nullable(Id),
  counts: Nullable(MarkCountsSchema),
});
export type MyRegister = Static<typeof MyRegisterSchema>;

export const MyRegistersSchema = Type.Object({
  date: CalendarDate,
  items: Type.Array(MyRegisterSchema),
});
export type MyRegisters = Static<typeof MyRegistersSchema>;

// ---------------------------------------------------------------------------------------------
// Settings and unlocks

export const AttendanceSettingsSchema = Type.Object({
  editWindowDays: Type.Integer(),
  lowAttendanceThreshold: Type.Number(),
  /** The school's today, from which the window counts back. */
  today: CalendarDate,
  updatedAt: Nullable(Timestamp),
});
export type AttendanceSettings = Static<typeof AttendanceSettingsSchema>;

export const UpdateAttendanceSettingsBody = Type.Object(
  {
    editWindowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    lowAttendanceThreshold: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAttendanceSettingsBody = Static<typeof UpdateAttendanceSettingsBody>;

export const UnlockSchema = Type.Object({
  id: Id,
  staffId: Id,
  staffName: Type.String(),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  expiresAt: Timestamp,
  reason: Type.String(),
  grantedByName: Type.String(),
  createdAt: Timestamp,
  active: Type.Boolean(),
});
export type Unlock = Static<typeof UnlockSchema>;

export const UnlockListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      staffId: Type.Optional(Id),
      active: Type.Optional(Type.Boolean({ description: 'Only unlocks not yet expired' })),
    }),
  ],
  strict,
);
export type UnlockListQuery = Static<typeof UnlockListQuery>;

export const CreateUnlockBody = Type.Object(
  {
    staffId: Id,
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    /** Defaults to the end of the next day on the school's clock. */
    expiresAt: Type.Optional(Timestamp),
    reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  },
  strict,
);
export type CreateUnlockBody = Static<typeof CreateUnlockBody>;

// ---------------------------------------------------------------------------------------------
// A student's attendance

export const StudentAttendanceQuery = Type.Object(
  { from: Type.Optional(CalendarDate), to: Type.Optional(CalendarDate) },
  strict,
);
export type StudentAttendanceQuery = Static<typeof StudentAttendanceQuery>;

export const RateSummarySchema = Type.Object({
  present: Type.Integer(),
  absent: Type.Integer(),
  late: Type.Integer(),
  excused: Type.Integer(),
  total: Type.Integer(),
  /** (present + late) / total × 100, two decimals; null when there are no marks. */
  ratePercent: Nullable(Type.Number()),
});
export type RateSummary = Static<typeof RateSummarySchema>;

export const StudentAttendanceSchema = Type.Object({
  student: Type.Object({
    id: Id,
    firstName: Type.String(),
    lastName: Type.String(),
    admissionNumber: Type.String(),
  }),
  from: Nullable(CalendarDate),
  to: Nullable(CalendarDate),
  items: Type.Array(
    Type.Object({
      registerId: Id,
      date: CalendarDate,
      kind: RegisterKindSchema,
      className: Nullable(Type.String()),
      sectionName: Nullable(Type.String()),
      periodName: Nullable(Type.String()),
      status: AttendanceStatusSchema,
      note: Nullable(Type.String()),
    }),
  ),
  /** Days from the daily registers when there are any in the range, else the lessons' marks. */
  summary: RateSummarySchema,
});
export type StudentAttendance = Static<typeof StudentAttendanceSchema>;

// ---------------------------------------------------------------------------------------------
// Reports

export const RATE_GROUPS = ['student', 'class', 'section', 'school'] as const;
export type RateGroup = (typeof RATE_GROUPS)[number];

export const RatesQuery = Type.Object(
  {
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    groupBy: Type.Union(RATE_GROUPS.map((g) => Type.Literal(g))),
    classId: Type.Optional(Id),
    sectionId: Type.Optional(Id),
  },
  strict,
);
export type RatesQuery = Static<typeof RatesQuery>;

export const RateRowSchema = Type.Object({
  id: Id,
  name: Type.String(),
  present: Type.Integer(),
  absent: Type.Integer(),
  late: Type.Integer(),
  excused: Type.Integer(),
  total: Type.Integer(),
  ratePercent: Nullable(Type.Number()),
});
export type RateRow = Static<typeof RateRowSchema>;

export const RatesReportSchema = Type.Object({
  from: CalendarDate,
  to: CalendarDate,
  groupBy: Type.Union(RATE_GROUPS.map((g) => Type.Literal(g))),
  items: Type.Array(RateRowSchema),
});
export type RatesReport = Static<typeof RatesReportSchema>;

export const LowAttendanceQuery = Type.Object(
  {
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  },
  strict,
);
export type LowAttendanceQuery = Static<typeof LowAttendanceQuery>;

export const LowAttendanceSchema = Type.Object({
  from: CalendarDate,
  to: CalendarDate,
  threshold: Type.Number(),
  items: Type.Array(
    Type.Composite([RateRowSchema, Type.Object({ admissionNumber: Type.String() })]),
  ),
});
export type LowAttendance = Static<typeof LowAttendanceSchema>;

// ---------------------------------------------------------------------------------------------
// Absence notes

export const ABSENCE_NOTE_STATUS_VALUES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;
export type AbsenceNoteStatus = (typeof ABSENCE_NOTE_STATUS_VALUES)[number];

export const AbsenceNoteSchema = Type.Object({
  id: Id,
  studentId: Id,
  studentName: Type.String(),
  guardianId: Id,
  guardianName: Type.String(),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  reason: Type.String(),
  status: Type.Union(ABSENCE_NOTE_STATUS_VALUES.map((s) => Type.Literal(s))),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Timestamp),
  reviewComment: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AbsenceNote = Static<typeof AbsenceNoteSchema>;

export const AbsenceNoteListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      status: Type.Optional(Type.Union(ABSENCE_NOTE_STATUS_VALUES.map((s) => Type.Literal(s)))),
      studentId: Type.Optional(Id),
    }),
  ],
  strict,
);
export type AbsenceNoteListQuery = Static<typeof AbsenceNoteListQuery>;

export const CreateAbsenceNoteBody = Type.Object(
  {
    studentId: Id,
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  },
  strict,
);
export type CreateAbsenceNoteBody = Static<typeof CreateAbsenceNoteBody>;

export const ReviewAbsenceNoteBody = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 1000 })) },
  strict,
);
export type ReviewAbsenceNoteBody = Static<typeof ReviewAbsenceNoteBody>;

export const ReviewedAbsenceNoteSchema = Type.Composite([
  AbsenceNoteSchema,
  Type.Object({
    /** Absent marks turned into excused by accepting the note (0 otherwise). */
    excusedMarks: Type.Integer(),
  }),
]);
export type ReviewedAbsenceNote = Static<typeof ReviewedAbsenceNoteSchema>;
