import { Type, type Static, type TSchema } from '@sinclair/typebox';

// API contract for the timetable: the periods of the school day, the weekly entries (a class
// in a period on a weekday, in a room, with a teacher), the week views and a day's classes.
// Days are ISO weekdays, 1 = Monday … 7 = Sunday. Times are `HH:MM` on the school's clock.

const Id = Type.String({ format: 'uuid' });
const CalendarDate = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const strict = { additionalProperties: false } as const;
const patch = { additionalProperties: false, minProperties: 1 } as const;

export const Weekday = Type.Integer({
  minimum: 1,
  maximum: 7,
  description: 'ISO weekday: 1 = Monday … 7 = Sunday',
});
const ClockTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM, 24-hour clock',
});
const PeriodName = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' });
const Days = Type.Array(Weekday, {
  minItems: 1,
  maxItems: 7,
  uniqueItems: true,
  description: 'The weekdays the period runs on',
});
const SortOrder = Type.Integer({
  minimum: -10000,
  maximum: 10000,
  description: 'Position in the day; periods are listed by it, then by start time',
});

// ---------------------------------------------------------------------------------------------
// Periods

export const PeriodSchema = Type.Object({
  id: Id,
  name: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  days: Type.Array(Type.Integer()),
  sortOrder: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Period = Static<typeof PeriodSchema>;

export const PeriodListSchema = Type.Object({
  items: Type.Array(PeriodSchema),
  nextCursor: Type.Null({ description: 'Always null: a school has a handful of periods' }),
});
export type PeriodList = Static<typeof PeriodListSchema>;

export const CreatePeriodBody = Type.Object(
  {
    name: PeriodName,
    startsAt: ClockTime,
    endsAt: ClockTime,
    days: Days,
    sortOrder: Type.Optional(SortOrder),
  },
  strict,
);
export type CreatePeriodBody = Static<typeof CreatePeriodBody>;

export const UpdatePeriodBody = Type.Object(
  {
    name: Type.Optional(PeriodName),
    startsAt: Type.Optional(ClockTime),
    endsAt: Type.Optional(ClockTime),
    days: Type.Optional(Days),
    sortOrder: Type.Optional(SortOrder),
  },
  patch,
);
export type UpdatePeriodBody = Static<typeof UpdatePeriodBody>;

// ---------------------------------------------------------------------------------------------
// Entries

const Named = Type.Object({ id: Id, name: Type.String() });

export const PeriodRefSchema = Type.Object({
  id: Id,
  name: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
});

export const TimetableEntrySchema = Type.Object({
  id: Id,
  termId: Id,
  day: Type.Integer(),
  period: PeriodRefSchema,
  class: Type.Object({ id: Id, name: Type.String(), subjectName: Type.String() }),
  /** The section the class is taught to; null for a class of a whole grade level. */
  section: Nullable(Named),
  /** The class's grade level (for a section class, the section's grade level). */
  gradeLevel: Nullable(Named),
  room: Nullable(Named),
  teacher: Nullable(Named),
});
export type TimetableEntry = Static<typeof TimetableEntrySchema>;

export const CreateEntryBody = Type.Object(
  {
    classId: Id,
    day: Weekday,
    periodId: Id,
    roomId: Type.Optional(
      Nullable(Type.String({ format: 'uuid', description: "Left out: the class's room" })),
    ),
    teacherId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description: "One of the class's teachers; left out: its only teacher, if it has one",
        }),
      ),
    ),
  },
  strict,
);
export type CreateEntryBody = Static<typeof CreateEntryBody>;

export const UpdateEntryBody = Type.Object(
  {
    classId: Type.Optional(Id),
    day: Type.Optional(Weekday),
    periodId: Type.Optional(Id),
    roomId: Type.Optional(Nullable(Id)),
    teacherId: Type.Optional(Nullable(Id)),
  },
  patch,
);
export type UpdateEntryBody = Static<typeof UpdateEntryBody>;

// ---------------------------------------------------------------------------------------------
// Week view

export const WeekQuery = Type.Object(
  {
    termId: Type.Optional(Id),
    sectionId: Type.Optional(Id),
    teacherId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    studentId: Type.Optional(Id),
    classId: Type.Optional(Id),
  },
  {
    ...strict,
    description:
      'Exactly one of sectionId, teacherId, roomId, studentId, classId. termId defaults to ' +
      "the current year's term around today (or the class's own term for classId).",
  },
);
export type WeekQuery = Static<typeof WeekQuery>;

export const TermRefSchema = Type.Object({
  id: Id,
  name: Type.String(),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
});
export type TermRef = Static<typeof TermRefSchema>;

export const WeekSchema = Type.Object({
  term: TermRefSchema,
  /** Every period of the school, in order, with its weekdays: the rows of the week grid. */
  periods: Type.Array(
    Type.Composite([PeriodRefSchema, Type.Object({ days: Type.Array(Type.Integer()) })]),
  ),
  entries: Type.Array(TimetableEntrySchema),
});
export type Week = Static<typeof WeekSchema>;

// ---------------------------------------------------------------------------------------------
// A day's classes for the signed-in person

export const DayQuery = Type.Object(
  { date: Type.Optional(CalendarDate) },
  { ...strict, description: "The day (today on the school's clock when left out)" },
);
export type DayQuery = Static<typeof DayQuery>;

export const DayItemSchema = Type.Composite([
  Type.Omit(TimetableEntrySchema, ['id']),
  Type.Object({
    entryId: Id,
    date: CalendarDate,
    /** Whose class it is: null when the actor teaches it, else the student attending. */
    student: Nullable(Named),
  }),
]);
export type DayItem = Static<typeof DayItemSchema>;

export const DaySchema = Type.Object({
  date: CalendarDate,
  day: Type.Integer(),
  /** The actor's own staff record (a teacher's "my week"), when the account has one. */
  staffId: Nullable(Id),
  /** The actor's own student record, when the account has one. */
  studentId: Nullable(Id),
  items: Type.Array(DayItemSchema),
});
export type Day = Static<typeof DaySchema>;

// ---------------------------------------------------------------------------------------------
// Copying a term's timetable

export const CopyTimetableBody = Type.Object(
  {
    fromTermId: Id,
    toTermId: Id,
    replace: Type.Optional(
      Type.Boolean({ description: "Replace the target term's entries instead of refusing" }),
    ),
  },
  strict,
);
export type CopyTimetableBody = Static<typeof CopyTimetableBody>;

export const CopyResultSchema = Type.Object({
  createdClasses: Type.Integer(),
  copiedEntries: Type.Integer(),
  /** Entries of the target term removed first (replace: true). */
  replacedEntries: Type.Integer(),
});
export type CopyResult = Static<typeof CopyResultSchema>;
