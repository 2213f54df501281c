import { Type, type Static } from '@sinclair/typebox';

// API contract for the gradebook: grading scales and settings, each class's weighted
// categories and assessments, the score grid with its averages, and a student's grades.

export const MAX_BANDS = 20;
export const MAX_SCALES_PER_SCHOOL = 50;
export const MAX_SCORES_PER_SAVE = 2000;
export const MAX_CATEGORIES_PER_CLASS = 20;
export const MAX_ASSESSMENTS_PER_CLASS = 200;
export const MAX_COMMENT_LENGTH = 1000;
/** The largest weight, maximum and points the numeric columns hold. */
export const MAX_WEIGHT = 10000;
export const MAX_POINTS = 100000;

const Id = Type.String({ format: 'uuid' });
const DateOnly = Type.String({ format: 'date' });
const NullableDate = Type.Union([DateOnly, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
const Percent = Type.Union([Type.Number(), Type.Null()], {
  description: 'Weighted average in percent (two decimals), null when nothing counts yet',
});
const Band = Type.Union([Type.String(), Type.Null()]);
const strict = { additionalProperties: false };

export const SCORE_STATUS_VALUES = ['scored', 'excused', 'missing'] as const;
export const ScoreStatusSchema = Type.Union(SCORE_STATUS_VALUES.map((s) => Type.Literal(s)));
export type ScoreStatusValue = Static<typeof ScoreStatusSchema>;

// ---------------------------------------------------------------------------------------------
// Grading scales

export const GradeBandSchema = Type.Object(
  {
    label: Type.String({ maxLength: 20 }),
    minPercent: Type.Number({ minimum: 0, maximum: 100 }),
  },
  strict,
);
export type GradeBandValue = Static<typeof GradeBandSchema>;

const Bands = Type.Array(GradeBandSchema, { minItems: 1, maxItems: MAX_BANDS });

export const GradingScaleSchema = Type.Object({
  id: Id,
  name: Type.String(),
  /** Highest band first. */
  bands: Type.Array(GradeBandSchema),
  isDefault: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type GradingScale = Static<typeof GradingScaleSchema>;

/** The scale averages are banded with: the default one, or the built-in A–F (id null). */
export const EffectiveScaleSchema = Type.Object({
  id: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  bands: Type.Array(GradeBandSchema),
});
export type EffectiveScale = Static<typeof EffectiveScaleSchema>;

export const GradingScaleListSchema = Type.Object({
  items: Type.Array(GradingScaleSchema),
  effective: EffectiveScaleSchema,
});
export type GradingScaleList = Static<typeof GradingScaleListSchema>;

export const CreateGradingScaleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    bands: Bands,
    isDefault: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CreateGradingScaleBody = Static<typeof CreateGradingScaleBody>;

export const UpdateGradingScaleBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    bands: Type.Optional(Bands),
  },
  { ...strict, minProperties: 1 },
);
export type UpdateGradingScaleBody = Static<typeof UpdateGradingScaleBody>;

// ---------------------------------------------------------------------------------------------
// Settings

export const GradebookSettingsSchema = Type.Object({
  missingCountsAsZero: Type.Boolean(),
  /** Null while the school has never changed them. */
  updatedAt: NullableTimestamp,
});
export type GradebookSettings = Static<typeof GradebookSettingsSchema>;

export const UpdateGradebookSettingsBody = Type.Object(
  { missingCountsAsZero: Type.Boolean() },
  strict,
);
export type UpdateGradebookSettingsBody = Static<typeof UpdateGradebookSettingsBody>;

// ---------------------------------------------------------------------------------------------
// Categories

export const ClassIdParams = Type.Object({ classId: Id }, strict);
export const StudentIdParams = Type.Object({ studentId: Id }, strict);

const Weight = Type.Number({ minimum: 0, maximum: MAX_WEIGHT });
const SortOrder = Type.Integer({ minimum: 0, maximum: 1000 });
const CategoryName = Type.String({ minLength: 1, maxLength: 100 });

export const AssessmentCategorySchema = Type.Object({
  id: Id,
  classId: Id,
  name: Type.String(),
  weight: Type.Number(),
  sortOrder: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AssessmentCategory = Static<typeof AssessmentCategorySchema>;

export const AssessmentCategoryListSchema = Type.Object({
  items: Type.Array(AssessmentCategorySchema),
  /** The sum of the weights; averages normalise over it, so it need not be 100. */
  weightTotal: Type.Number(),
});
export type AssessmentCategoryList = Static<typeof AssessmentCategoryListSchema>;

export const CreateAssessmentCategoryBody = Type.Object(
  { name: CategoryName, weight: Weight, sortOrder: Type.Optional(SortOrder) },
  strict,
);
export type CreateAssessmentCategoryBody = Static<typeof CreateAssessmentCategoryBody>;

export const UpdateAssessmentCategoryBody = Type.Object(
  {
    name: Type.Optional(CategoryName),
    weight: Type.Optional(Weight),
    sortOrder: Type.Optional(SortOrder),
  },
  { ...strict, minProperties: 1 },
);
export type UpdateAssessmentCategoryBody = Static<typeof UpdateAssessmentCategoryBody>;

// ---------------------------------------------------------------------------------------------
// Assessments

const Title = Type.String({ minLength: 1, maxLength: 200 });
const MaxScore = Type.Number({ exclusiveMinimum: 0, maximum: MAX_POINTS });

export const AssessmentSchema = Type.Object({
  id: Id,
  classId: Id,
  categoryId: Id,
  title: Type.String(),
  maxScore: Type.Number(),
  dueOn: NullableDate,
  published: Type.Boolean(),
  publishedAt: NullableTimestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Assessment = Static<typeof AssessmentSchema>;

export const AssessmentListQuery = Type.Object({ classId: Id }, strict);
export type AssessmentListQuery = Static<typeof AssessmentListQuery>;

export const AssessmentListSchema = Type.Object({ items: Type.Array(AssessmentSchema) });
export type AssessmentList = Static<typeof AssessmentListSchema>;

export const CreateAssessmentBody = Type.Object(
  {
    classId: Id,
    categoryId: Id,
    title: Title,
    maxScore: MaxScore,
    dueOn: Type.Optional(NullableDate),
    published: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CreateAssessmentBody = Static<typeof CreateAssessmentBody>;

export const UpdateAssessmentBody = Type.Object(
  {
    categoryId: Type.Optional(Id),
    title: Type.Optional(Title),
    maxScore: Type.Optional(MaxScore),
    dueOn: Type.Optional(NullableDate),
    published: Type.Optional(Type.Boolean()),
  },
  { ...strict, minProperties: 1 },
);
export type UpdateAssessmentBody = Static<typeof UpdateAssessmentBody>;

// ---------------------------------------------------------------------------------------------
// The grid

export const ScoreSchema = Type.Object({
  assessmentId: Id,
  studentId: Id,
  status: ScoreStatusSchema,
  points: Type.Union([Type.Number(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
});
export type Score = Static<typeof ScoreSchema>;

export const StudentAverageSchema = Type.Object({ studentId: Id, percent: Percent, band: Band });
export type StudentAverage = Static<typeof StudentAverageSchema>;

const TeacherSchema = Type.Object({ id: Id, firstName: Type.String(), lastName: Type.String() });
const SubjectSchema = Type.Object({ id: Id, code: Type.String(), name: Type.String() });
const TermSchema = Type.Object({
  id: Id,
  name: Type.String(),
  startsOn: DateOnly,
  endsOn: DateOnly,
});

export const GradebookStudentSchema = Type.Object({
  id: Id,
  admissionNumber: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  /** The last day of the student's enrollment in the class when it has ended; else null. */
  enrolledUntil: NullableDate,
});
export type GradebookStudent = Static<typeof GradebookStudentSchema>;

export const GradebookGridSchema = Type.Object({
  class: Type.Object({
    id: Id,
    name: Type.String(),
    subject: SubjectSchema,
    term: TermSchema,
    teachers: Type.Array(TeacherSchema),
  }),
  categories: Type.Array(AssessmentCategorySchema),
  /** By due date (undated last), then in the order they were created. */
  assessments: Type.Array(AssessmentSchema),
  students: Type.Array(GradebookStudentSchema),
  scores: Type.Array(ScoreSchema),
  averages: Type.Array(StudentAverageSchema),
  missingCountsAsZero: Type.Boolean(),
  scale: EffectiveScaleSchema,
});
export type GradebookGrid = Static<typeof GradebookGridSchema>;

export const ScoreInputSchema = Type.Object(
  {
    assessmentId: Id,
    studentId: Id,
    status: ScoreStatusSchema,
    points: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
    comment: Type.Optional(
      Type.Union([Type.String({ maxLength: MAX_COMMENT_LENGTH }), Type.Null()]),
    ),
  },
  strict,
);
export type ScoreInput = Static<typeof ScoreInputSchema>;

export const SaveScoresBody = Type.Object(
  {
    scores: Type.Array(ScoreInputSchema, { minItems: 1, maxItems: MAX_SCORES_PER_SAVE }),
  },
  strict,
);
export type SaveScoresBody = Static<typeof SaveScoresBody>;

export const SaveScoresResultSchema = Type.Object({
  /** Items whose score was created or changed; the rest were already as sent. */
  saved: Type.Integer(),
  averages: Type.Array(StudentAverageSchema),
});
export type SaveScoresResult = Static<typeof SaveScoresResultSchema>;

// ---------------------------------------------------------------------------------------------
// A student's grades

export const StudentGradesQuery = Type.Object({ termId: Type.Optional(Id) }, strict);
export type StudentGradesQuery = Static<typeof StudentGradesQuery>;

export const StudentGradeAssessmentSchema = Type.Object({
  id: Id,
  categoryId: Id,
  title: Type.String(),
  maxScore: Type.Number(),
  dueOn: NullableDate,
  published: Type.Boolean(),
  score: Type.Union([
    Type.Object({
      status: ScoreStatusSchema,
      points: Type.Union([Type.Number(), Type.Null()]),
      comment: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type StudentGradeAssessment = Static<typeof StudentGradeAssessmentSchema>;

export const StudentClassGradesSchema = Type.Object({
  class: Type.Object({ id: Id, name: Type.String() }),
  subject: SubjectSchema,
  teachers: Type.Array(TeacherSchema),
  categories: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      weight: Type.Number(),
      /** The student's percent in the category over the assessments shown. */
      percent: Percent,
    }),
  ),
  assessments: Type.Array(StudentGradeAssessmentSchema),
  percent: Percent,
  band: Band,
});
export type StudentClassGrades = Static<typeof StudentClassGradesSchema>;

export const StudentGradesSchema = Type.Object({
  student: Type.Object({
    id: Id,
    admissionNumber: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
  }),
  /** Null when the school has no terms yet. */
  term: Type.Union([TermSchema, Type.Null()]),
  classes: Type.Array(StudentClassGradesSchema),
  missingCountsAsZero: Type.Boolean(),
  scale: EffectiveScaleSchema,
});
export type StudentGrades = Static<typeof StudentGradesSchema>;
