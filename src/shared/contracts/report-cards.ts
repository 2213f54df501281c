import { Type, type Static, type TSchema } from '@sinclair/typebox';

// API contract for report cards: teachers' comments while a term is open, the live preview,
// the term overview, publishing, and the published cards (JSON and PDF).

const Id = Type.String({ format: 'uuid' });
const CalendarDate = Type.String({ format: 'date' });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const strict = { additionalProperties: false } as const;

export const REPORT_CARD_COMMENT_MAX = 2000;
export const REPORT_CARD_LOCALES = ['en', 'ar'] as const;

// ---------------------------------------------------------------------------------------------
// The card itself (the shape of report-card-content.ts, stored as the snapshot)

export const ReportCardClassLineSchema = Type.Object({
  classId: Id,
  className: Type.String(),
  subjectName: Type.String(),
  teacherNames: Type.Array(Type.String()),
  average: Nullable(Type.Number()),
  band: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  commentAuthor: Nullable(Type.String()),
});

export const ReportCardAttendanceSchema = Type.Object({
  present: Type.Integer(),
  absent: Type.Integer(),
  late: Type.Integer(),
  excused: Type.Integer(),
  total: Type.Integer(),
  ratePercent: Nullable(Type.Number()),
});

export const ReportCardContentSchema = Type.Object({
  version: Type.Literal(1),
  school: Type.Object({
    name: Type.String(),
    locale: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
  }),
  term: Type.Object({
    id: Id,
    name: Type.String(),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    academicYearName: Type.String(),
  }),
  student: Type.Object({
    id: Id,
    firstName: Type.String(),
    lastName: Type.String(),
    studentNumber: Type.String(),
    gradeLevelName: Nullable(Type.String()),
    sectionName: Nullable(Type.String()),
  }),
  scaleName: Nullable(Type.String()),
  classes: Type.Array(ReportCardClassLineSchema),
  attendance: ReportCardAttendanceSchema,
  homeroomComment: Nullable(Type.Object({ body: Type.String(), authorName: Type.String() })),
  generatedAt: Timestamp,
});
export type ReportCardContentBody = Static<typeof ReportCardContentSchema>;

// ---------------------------------------------------------------------------------------------
// Comments

export const ReportCardCommentSchema = Type.Object({
  id: Id,
  termId: Id,
  studentId: Id,
  /** Null for the homeroom comment. */
  classId: Nullable(Id),
  body: Type.String(),
  authorName: Type.String(),
  updatedAt: Timestamp,
});
export type ReportCardComment = Static<typeof ReportCardCommentSchema>;

export const CommentsQuery = Type.Object(
  {
    termId: Id,
    classId: Type.Optional(Id),
    sectionId: Type.Optional(Id),
  },
  { ...strict, description: 'Give classId (class comments) or sectionId (homeroom comments)' },
);
export type CommentsQuery = Static<typeof CommentsQuery>;

export const CommentRosterSchema = Type.Object({
  termId: Id,
  classId: Nullable(Id),
  sectionId: Nullable(Id),
  /** While the term's cards are published, comments cannot be changed. */
  published: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      studentId: Id,
      admissionNumber: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      comment: Nullable(ReportCardCommentSchema),
    }),
  ),
});
export type CommentRoster = Static<typeof CommentRosterSchema>;

export const SaveCommentBody = Type.Object(
  {
    termId: Id,
    studentId: Id,
    classId: Nullable(Id),
    body: Type.String({ minLength: 1, maxLength: REPORT_CARD_COMMENT_MAX }),
  },
  strict,
);
export type SaveCommentBody = Static<typeof SaveCommentBody>;

export const CommentGroupsQuery = Type.Object({ termId: Id }, strict);
export type CommentGroupsQuery = Static<typeof CommentGroupsQuery>;

export const CommentGroupsSchema = Type.Object({
  termId: Id,
  /** Classes of the term the reader may comment on (a teacher: those she teaches). */
  classes: Type.Array(Type.Object({ id: Id, name: Type.String(), subjectName: Type.String() })),
  /** Sections whose homeroom comments the reader may write (a teacher: her homerooms). */
  sections: Type.Array(Type.Object({ id: Id, name: Type.String(), gradeLevelName: Type.String() })),
});
export type CommentGroups = Static<typeof CommentGroupsSchema>;

// ---------------------------------------------------------------------------------------------
// Preview, overview and publishing

export const PreviewQuery = Type.Object({ termId: Id, studentId: Id }, strict);
export type PreviewQuery = Static<typeof PreviewQuery>;

export const OverviewQuery = Type.Object(
  {
    termId: Id,
    sectionId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  strict,
);
export type OverviewQuery = Static<typeof OverviewQuery>;

export const PublicationSummarySchema = Type.Object({ at: Timestamp, byName: Type.String() });

export const OverviewStudentSchema = Type.Object({
  studentId: Id,
  name: Type.String(),
  admissionNumber: Type.String(),
  sectionName: Nullable(Type.String()),
  classesCount: Type.Integer(),
  /** Class comments not written yet, plus one when the homeroom comment is missing. */
  commentsMissing: Type.Integer(),
  /** A snapshot exists (from this or an earlier publication). */
  hasCard: Type.Boolean(),
});
export type OverviewStudent = Static<typeof OverviewStudentSchema>;

export const OverviewSchema = Type.Object({
  termId: Id,
  published: Nullable(PublicationSummarySchema),
  students: Type.Array(OverviewStudentSchema),
  nextCursor: Nullable(Type.String()),
});
export type Overview = Static<typeof OverviewSchema>;

export const TermBody = Type.Object({ termId: Id }, strict);
export type TermBody = Static<typeof TermBody>;

export const PublicationSchema = Type.Object({
  termId: Id,
  publishedAt: Timestamp,
  publishedByName: Type.String(),
  cards: Type.Integer(),
});
export type Publication = Static<typeof PublicationSchema>;

// ---------------------------------------------------------------------------------------------
// Published cards

export const CardParams = Type.Object({ termId: Id, studentId: Id }, strict);
export type CardParams = Static<typeof CardParams>;

export const StudentParams = Type.Object({ id: Id }, strict);

export const PdfQuery = Type.Object(
  {
    locale: Type.Optional(
      Type.Union(
        REPORT_CARD_LOCALES.map((l) => Type.Literal(l)),
        { description: "The card's language; the school's language when left out" },
      ),
    ),
  },
  strict,
);
export type PdfQuery = Static<typeof PdfQuery>;

export const ReportCardSchema = Type.Object({
  termId: Id,
  studentId: Id,
  /** When this snapshot was taken. */
  publishedAt: Timestamp,
  /** False when an admin reads a card whose term was unpublished since. */
  published: Type.Boolean(),
  content: ReportCardContentSchema,
});
export type ReportCard = Static<typeof ReportCardSchema>;

export const StudentReportCardsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      termId: Id,
      termName: Type.String(),
      academicYearName: Type.String(),
      termStartsOn: CalendarDate,
      publishedAt: Timestamp,
    }),
  ),
});
export type StudentReportCards = Static<typeof StudentReportCardsSchema>;
