import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ListQuery } from './identity.js';

// API contract for the academic structure of a school: years and terms, grade levels and
// their sections, subjects, rooms and classes. Dates are calendar dates (`YYYY-MM-DD`).

const Id = Type.String({ format: 'uuid' });
const CalendarDate = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
const Timestamp = Type.String({ format: 'date-time' });
const nameField = (description?: string) =>
  Type.String({
    minLength: 1,
    maxLength: 120,
    pattern: '\\S',
    ...(description ? { description } : {}),
  });
const Name = nameField();
const Search = Type.Optional(
  Type.String({ maxLength: 200, description: 'Matches part of the name (or code)' }),
);
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** `key` sorts ascending, `-key` descending; ties are broken by id. */
function Sort<K extends string>(keys: readonly [K, ...K[]]) {
  return Type.Optional(
    Type.Unsafe<K | `-${K}`>({
      type: 'string',
      enum: keys.flatMap((k) => [k, `-${k}`]),
      description: `Sort by ${keys.join(' or ')}; prefix with - for descending order`,
    }),
  );
}

const Stamps = { createdAt: Timestamp, updatedAt: Timestamp };
const strict = { additionalProperties: false } as const;
const patch = { additionalProperties: false, minProperties: 1 } as const;

// ---------------------------------------------------------------------------------------------
// Academic years

export const AcademicYearSchema = Type.Object({
  id: Id,
  name: Type.String(),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  isCurrent: Type.Boolean(),
  ...Stamps,
});
export type AcademicYear = Static<typeof AcademicYearSchema>;

export const CreateAcademicYearBody = Type.Object(
  {
    name: Name,
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    isCurrent: Type.Optional(Type.Boolean({ description: 'Make it the current year at once' })),
  },
  strict,
);
export type CreateAcademicYearBody = Static<typeof CreateAcademicYearBody>;

export const UpdateAcademicYearBody = Type.Object(
  {
    name: Type.Optional(Name),
    startsOn: Type.Optional(CalendarDate),
    endsOn: Type.Optional(CalendarDate),
  },
  patch,
);
export type UpdateAcademicYearBody = Static<typeof UpdateAcademicYearBody>;

export const AcademicYearListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Search,
      isCurrent: Type.Optional(Type.Boolean()),
      sort: Sort(['startsOn', 'name']),
    }),
  ],
  strict,
);
export type AcademicYearListQuery = Static<typeof AcademicYearListQuery>;

// ---------------------------------------------------------------------------------------------
// Terms

export const TermSchema = Type.Object({
  id: Id,
  academicYearId: Id,
  name: Type.String(),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  ...Stamps,
});
export type Term = Static<typeof TermSchema>;

export const CreateTermBody = Type.Object(
  { academicYearId: Id, name: Name, startsOn: CalendarDate, endsOn: CalendarDate },
  strict,
);
export type CreateTermBody = Static<typeof CreateTermBody>;

export const UpdateTermBody = Type.Object(
  {
    academicYearId: Type.Optional(Id),
    name: Type.Optional(Name),
    startsOn: Type.Optional(CalendarDate),
    endsOn: Type.Optional(CalendarDate),
  },
  patch,
);
export type UpdateTermBody = Static<typeof UpdateTermBody>;

export const TermListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Search,
      academicYearId: Type.Optional(Id),
      sort: Sort(['startsOn', 'name']),
    }),
  ],
  strict,
);
export type TermListQuery = Static<typeof TermListQuery>;

// ---------------------------------------------------------------------------------------------
// Grade levels

const SortOrder = Type.Integer({ minimum: 0, maximum: 100_000 });

export const GradeLevelSchema = Type.Object({
  id: Id,
  name: Type.String(),
  sortOrder: Type.Integer(),
  ...Stamps,
});
export type GradeLevel = Static<typeof GradeLevelSchema>;

export const CreateGradeLevelBody = Type.Object(
  {
    name: Name,
    sortOrder: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100_000,
        description: 'Position in the school; after the last grade level when left out',
      }),
    ),
  },
  strict,
);
export type CreateGradeLevelBody = Static<typeof CreateGradeLevelBody>;

export const UpdateGradeLevelBody = Type.Object(
  { name: Type.Optional(Name), sortOrder: Type.Optional(SortOrder) },
  patch,
);
export type UpdateGradeLevelBody = Static<typeof UpdateGradeLevelBody>;

export const GradeLevelListQuery = Type.Composite(
  [ListQuery, Type.Object({ q: Search, sort: Sort(['sortOrder', 'name']) })],
  strict,
);
export type GradeLevelListQuery = Static<typeof GradeLevelListQuery>;

// ---------------------------------------------------------------------------------------------
// Sections (homerooms)

export const SectionSchema = Type.Object({
  id: Id,
  gradeLevelId: Id,
  name: Type.String(),
  homeroomTeacherId: Nullable(Id),
  ...Stamps,
});
export type Section = Static<typeof SectionSchema>;

export const CreateSectionBody = Type.Object(
  { gradeLevelId: Id, name: Name, homeroomTeacherId: Type.Optional(Nullable(Id)) },
  strict,
);
export type CreateSectionBody = Static<typeof CreateSectionBody>;

export const UpdateSectionBody = Type.Object(
  {
    gradeLevelId: Type.Optional(Id),
    name: Type.Optional(Name),
    homeroomTeacherId: Type.Optional(Nullable(Id)),
  },
  patch,
);
export type UpdateSectionBody = Static<typeof UpdateSectionBody>;

export const SectionListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Search,
      gradeLevelId: Type.Optional(Id),
      homeroomTeacherId: Type.Optional(Id),
      sort: Sort(['name']),
    }),
  ],
  strict,
);
export type SectionListQuery = Static<typeof SectionListQuery>;

// ---------------------------------------------------------------------------------------------
// Subjects

const SubjectCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[^\\s](.*[^\\s])?$' });

export const SubjectSchema = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  ...Stamps,
});
export type Subject = Static<typeof SubjectSchema>;

export const CreateSubjectBody = Type.Object({ code: SubjectCode, name: Name }, strict);
export type CreateSubjectBody = Static<typeof CreateSubjectBody>;

export const UpdateSubjectBody = Type.Object(
  { code: Type.Optional(SubjectCode), name: Type.Optional(Name) },
  patch,
);
export type UpdateSubjectBody = Static<typeof UpdateSubjectBody>;

export const SubjectListQuery = Type.Composite(
  [ListQuery, Type.Object({ q: Search, sort: Sort(['code', 'name']) })],
  strict,
);
export type SubjectListQuery = Static<typeof SubjectListQuery>;

// ---------------------------------------------------------------------------------------------
// Rooms

const Capacity = Type.Integer({ minimum: 1, maximum: 100_000 });

export const RoomSchema = Type.Object({
  id: Id,
  name: Type.String(),
  capacity: Type.Integer(),
  ...Stamps,
});
export type Room = Static<typeof RoomSchema>;

export const CreateRoomBody = Type.Object(
  {
    name: Name,
    capacity: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100_000, description: 'Seats; 30 when left out' }),
    ),
  },
  strict,
);
export type CreateRoomBody = Static<typeof CreateRoomBody>;

export const UpdateRoomBody = Type.Object(
  { name: Type.Optional(Name), capacity: Type.Optional(Capacity) },
  patch,
);
export type UpdateRoomBody = Static<typeof UpdateRoomBody>;

export const RoomListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Search,
      minCapacity: Type.Optional(Type.Integer({ minimum: 1 })),
      sort: Sort(['name', 'capacity']),
    }),
  ],
  strict,
);
export type RoomListQuery = Static<typeof RoomListQuery>;

// ---------------------------------------------------------------------------------------------
// Classes

const TeacherIds = Type.Array(Id, {
  minItems: 1,
  maxItems: 20,
  uniqueItems: true,
  description: 'Active staff members who teach',
});

export const ClassSchema = Type.Object({
  id: Id,
  name: Type.String(),
  subjectId: Id,
  termId: Id,
  sectionId: Nullable(Id),
  gradeLevelId: Nullable(Id),
  roomId: Nullable(Id),
  teacherIds: Type.Array(Id),
  ...Stamps,
});
export type SchoolClass = Static<typeof ClassSchema>;

export const CreateClassBody = Type.Object(
  {
    name: Type.Optional(
      nameField('Unique within the term; derived from the subject and group when left out'),
    ),
    subjectId: Id,
    termId: Id,
    sectionId: Type.Optional(Nullable(Id)),
    gradeLevelId: Type.Optional(Nullable(Id)),
    roomId: Type.Optional(Nullable(Id)),
    teacherIds: TeacherIds,
  },
  {
    ...strict,
    description: 'A class is taught to one section or to a whole grade level: give exactly one.',
  },
);
export type CreateClassBody = Static<typeof CreateClassBody>;

export const UpdateClassBody = Type.Object(
  {
    name: Type.Optional(Name),
    subjectId: Type.Optional(Id),
    termId: Type.Optional(Id),
    sectionId: Type.Optional(Nullable(Id)),
    gradeLevelId: Type.Optional(Nullable(Id)),
    roomId: Type.Optional(Nullable(Id)),
    teacherIds: Type.Optional(TeacherIds),
  },
  patch,
);
export type UpdateClassBody = Static<typeof UpdateClassBody>;

export const ClassListQuery = Type.Composite(
  [
    ListQuery,
    Type.Object({
      q: Search,
      termId: Type.Optional(Id),
      sectionId: Type.Optional(Id),
      gradeLevelId: Type.Optional(
        Type.String({
          format: 'uuid',
          description: 'Classes of the grade level itself and of its sections',
        }),
      ),
      subjectId: Type.Optional(Id),
      teacherId: Type.Optional(Id),
      roomId: Type.Optional(Id),
      sort: Sort(['name']),
    }),
  ],
  strict,
);
export type ClassListQuery = Static<typeof ClassListQuery>;
