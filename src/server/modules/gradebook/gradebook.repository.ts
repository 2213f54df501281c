import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { classes, classTeachers, subjects, terms } from '../academics/academics.table.js';
import { classEnrollments } from '../enrollment/enrollment.table.js';
import { staff, students } from '../people/people.table.js';
import {
  assessmentCategories,
  assessments,
  gradebookSettings,
  gradingScales,
  scores,
  type GradeBand,
  type ScoreStatus,
} from './gradebook.table.js';

// Queries for the gradebook. Every query runs under withTenant, so row-level security already
// limits it to the school; the explicit school_id conditions let the composite indexes work.
// Numeric columns come back from the driver as strings and leave here as numbers.

export type RowLock = 'update' | 'share' | 'key share';

function first<T>(rows: T[]): T | null {
  return rows[0] ?? null;
}

function one<T>(rows: T[], table: string): T {
  const row = rows[0];
  if (!row) throw new Error(`write to ${table} returned no row`);
  return row;
}

const num = (value: string): number => Number(value);
const numOrNull = (value: string | null): number | null => (value === null ? null : Number(value));

// ---------------------------------------------------------------------------------------------
// Grading scales and settings

export type ScaleRow = typeof gradingScales.$inferSelect;

/** Serialises writes to one school's scales (the first one becomes the default). */
export async function lockScales(tx: Tx, schoolId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`grading_scales:${schoolId}`}, 0))`,
  );
}

export async function listScales(tx: Tx, schoolId: string): Promise<ScaleRow[]> {
  return tx
    .select()
    .from(gradingScales)
    .where(eq(gradingScales.schoolId, schoolId))
    .orderBy(asc(gradingScales.name), asc(gradingScales.id));
}

export async function findScale(tx: Tx, schoolId: string, id: string): Promise<ScaleRow | null> {
  return first(
    await tx
      .select()
      .from(gradingScales)
      .where(and(eq(gradingScales.schoolId, schoolId), eq(gradingScales.id, id)))
      .limit(1),
  );
}

export async function findDefaultScale(tx: Tx, schoolId: string): Promise<ScaleRow | null> {
  return first(
    await tx
      .select()
      .from(gradingScales)
      .where(and(eq(gradingScales.schoolId, schoolId), eq(gradingScales.isDefault, true)))
      .limit(1),
  );
}

export async function countScales(tx: Tx, schoolId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(gradingScales)
    .where(eq(gradingScales.schoolId, schoolId));
  return rows[0]?.n ?? 0;
}

export async function insertScale(
  tx: Tx,
  row: typeof gradingScales.$inferInsert,
): Promise<ScaleRow> {
  return one(await tx.insert(gradingScales).values(row).returning(), 'grading_scales');
}

export async function updateScale(
  tx: Tx,
  schoolId: string,
  id: string,
  values: { name?: string; bands?: GradeBand[]; isDefault?: boolean },
): Promise<ScaleRow> {
  return one(
    await tx
      .update(gradingScales)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(gradingScales.schoolId, schoolId), eq(gradingScales.id, id)))
      .returning(),
    'grading_scales',
  );
}

/** Unsets the default flag on every other scale of the school. */
export async function clearDefaultScale(tx: Tx, schoolId: string, exceptId: string): Promise<void> {
  await tx
    .update(gradingScales)
    .set({ isDefault: false, updatedAt: sql`now()` })
    .where(
      and(
        eq(gradingScales.schoolId, schoolId),
        eq(gradingScales.isDefault, true),
        ne(gradingScales.id, exceptId),
      ),
    );
}

export async function deleteScale(tx: Tx, schoolId: string, id: string): Promise<void> {
  await tx
    .delete(gradingScales)
    .where(and(eq(gradingScales.schoolId, schoolId), eq(gradingScales.id, id)));
}

export interface SettingsRow {
  missingCountsAsZero: boolean;
  updatedAt: Date | null;
}

export async function findSettings(tx: Tx, schoolId: string): Promise<SettingsRow> {
  const row = first(
    await tx
      .select({
        missingCountsAsZero: gradebookSettings.missingCountsAsZero,
        updatedAt: gradebookSettings.updatedAt,
      })
      .from(gradebookSettings)
      .where(eq(gradebookSettings.schoolId, schoolId))
      .limit(1),
  );
  // No row yet is the default: missing work is left out of averages.
  return row ?? { missingCountsAsZero: false, updatedAt: null };
}

export async function upsertSettings(
  tx: Tx,
  schoolId: string,
  values: { missingCountsAsZero: boolean },
): Promise<SettingsRow> {
  return one(
    await tx
      .insert(gradebookSettings)
      .values({ schoolId, ...values })
      .onConflictDoUpdate({
        target: gradebookSettings.schoolId,
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning({
        missingCountsAsZero: gradebookSettings.missingCountsAsZero,
        updatedAt: gradebookSettings.updatedAt,
      }),
    'gradebook_settings',
  );
}

export interface AveragingRules {
  missingCountsAsZero: boolean;
  /** The default scale, or null while the school has none. */
  scale: { id: string; name: string; bands: GradeBand[] } | null;
}

/** The setting and the default scale in one round trip: every average needs both. */
export async function findAveragingRules(tx: Tx, schoolId: string): Promise<AveragingRules> {
  const result = await tx.execute<{
    missing: boolean;
    id: string | null;
    name: string | null;
    bands: GradeBand[] | null;
  }>(sql`
    select coalesce((select gs.missing_counts_as_zero from ${gradebookSettings} gs
                      where gs.school_id = ${schoolId}), false) as missing,
           s.id, s.name, s.bands
      from (select 1) as one
      left join ${gradingScales} s on s.school_id = ${schoolId} and s.is_default`);
  const row = result.rows[0];
  return {
    missingCountsAsZero: row?.missing === true,
    scale:
      row?.id && row.name !== null && row.bands !== null
        ? { id: row.id, name: row.name, bands: row.bands }
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Classes as the gradebook sees them

export interface GradebookClassRow {
  id: string;
  name: string;
  termId: string;
  termName: string;
  termStartsOn: string;
  termEndsOn: string;
  subjectId: string;
  subjectCode: string;
  subjectName: string;
}

/** The class with its term and subject; `lock` keeps it from being deleted until commit. */
export async function findGradebookClass(
  tx: Tx,
  schoolId: string,
  id: string,
  lock?: 'key share',
): Promise<GradebookClassRow | null> {
  const query = tx
    .select({
      id: classes.id,
      name: classes.name,
      termId: terms.id,
      termName: terms.name,
      termStartsOn: terms.startsOn,
      termEndsOn: terms.endsOn,
      subjectId: subjects.id,
      subjectCode: subjects.code,
      subjectName: subjects.name,
    })
    .from(classes)
    .innerJoin(terms, and(eq(terms.schoolId, classes.schoolId), eq(terms.id, classes.termId)))
    .innerJoin(
      subjects,
      and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
    )
    .where(and(eq(classes.schoolId, schoolId), eq(classes.id, id)))
    .limit(1);
  return first(lock ? await query.for(lock, { of: classes }) : await query);
}

/** The class with its term, subject and teachers, in one query. */
export async function findGradebookClassWithTeachers(
  tx: Tx,
  schoolId: string,
  id: string,
): Promise<(GradebookClassRow & { teachers: Omit<TeacherRow, 'classId'>[] }) | null> {
  return first(
    await tx
      .select({
        id: classes.id,
        name: classes.name,
        termId: terms.id,
        termName: terms.name,
        termStartsOn: terms.startsOn,
        termEndsOn: terms.endsOn,
        subjectId: subjects.id,
        subjectCode: subjects.code,
        subjectName: subjects.name,
        teachers: sql<Omit<TeacherRow, 'classId'>[]>`coalesce((
          select json_agg(json_build_object('id', st.id, 'firstName', st.first_name,
                                            'lastName', st.last_name)
                          order by st.last_name, st.first_name, st.id)
            from ${classTeachers} ct
            join ${staff} st on st.school_id = ct.school_id and st.id = ct.staff_id
           where ct.school_id = ${classes.schoolId} and ct.class_id = ${classes.id}), '[]'::json)`,
      })
      .from(classes)
      .innerJoin(terms, and(eq(terms.schoolId, classes.schoolId), eq(terms.id, classes.termId)))
      .innerJoin(
        subjects,
        and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
      )
      .where(and(eq(classes.schoolId, schoolId), eq(classes.id, id)))
      .limit(1),
  );
}

export interface TeacherRow {
  classId: string;
  id: string;
  firstName: string;
  lastName: string;
}

export async function listTeachersOf(
  tx: Tx,
  schoolId: string,
  classIds: string[],
): Promise<TeacherRow[]> {
  if (classIds.length === 0) return [];
  return tx
    .select({
      classId: classTeachers.classId,
      id: staff.id,
      firstName: staff.firstName,
      lastName: staff.lastName,
    })
    .from(classTeachers)
    .innerJoin(
      staff,
      and(eq(staff.schoolId, classTeachers.schoolId), eq(staff.id, classTeachers.staffId)),
    )
    .where(and(eq(classTeachers.schoolId, schoolId), inArray(classTeachers.classId, classIds)))
    .orderBy(asc(staff.lastName), asc(staff.firstName), asc(staff.id));
}

export async function teachesClass(
  tx: Tx,
  schoolId: string,
  staffId: string,
  classId: string,
): Promise<boolean> {
  const rows = await tx
    .select({ classId: classTeachers.classId })
    .from(classTeachers)
    .where(
      and(
        eq(classTeachers.schoolId, schoolId),
        eq(classTeachers.classId, classId),
        eq(classTeachers.staffId, staffId),
      ),
    )
    .limit(1);
  return rows.length === 1;
}

/** Of these students, those with any enrollment (past, present or future) in the class. */
export async function studentsEverInClass(
  tx: Tx,
  schoolId: string,
  classId: string,
  studentIds: string[],
): Promise<string[]> {
  if (studentIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ studentId: classEnrollments.studentId })
    .from(classEnrollments)
    .where(
      and(
        eq(classEnrollments.schoolId, schoolId),
        eq(classEnrollments.classId, classId),
        inArray(classEnrollments.studentId, studentIds),
      ),
    );
  return rows.map((r) => r.studentId);
}

// ---------------------------------------------------------------------------------------------
// Rosters and enrollments

export interface GradebookStudentRow {
  id: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  /** The last day of the student's latest enrollment in the class, null while open. */
  enrolledUntil: string | null;
}

function overlaps(from: string, to: string): SQL {
  return and(
    lte(classEnrollments.startsOn, to),
    or(isNull(classEnrollments.endsOn), gte(classEnrollments.endsOn, from)),
  ) as SQL;
}

/**
 * The class's gradebook roster: students whose enrollment in it overlaps the term or runs
 * today, one row each, by last name, first name.
 */
export async function listGradebookRoster(
  tx: Tx,
  schoolId: string,
  classId: string,
  window: { today: string; termStartsOn: string; termEndsOn: string },
): Promise<GradebookStudentRow[]> {
  const rows = await tx
    .select({
      id: students.id,
      admissionNumber: students.admissionNumber,
      firstName: students.firstName,
      lastName: students.lastName,
      open: sql<boolean>`bool_or(${classEnrollments.endsOn} is null)`,
      lastDay: sql<string | null>`max(${classEnrollments.endsOn})::text`,
    })
    .from(classEnrollments)
    .innerJoin(
      students,
      and(
        eq(students.schoolId, classEnrollments.schoolId),
        eq(students.id, classEnrollments.studentId),
      ),
    )
    .where(
      and(
        eq(classEnrollments.schoolId, schoolId),
        eq(classEnrollments.classId, classId),
        or(overlaps(window.today, window.today), overlaps(window.termStartsOn, window.termEndsOn)),
      ),
    )
    .groupBy(students.id, students.admissionNumber, students.firstName, students.lastName)
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
  return rows.map(({ open, lastDay, ...student }) => ({
    ...student,
    enrolledUntil: open ? null : lastDay,
  }));
}

export interface TermEnrollmentRow {
  classId: string;
  studentId: string;
}

/** (class, student) pairs of the term's classes whose enrollment overlaps the term. */
export async function listTermEnrollments(
  tx: Tx,
  schoolId: string,
  term: { id: string; startsOn: string; endsOn: string },
  studentIds: string[] | null,
  classIds: string[] | null = null,
): Promise<TermEnrollmentRow[]> {
  if (studentIds?.length === 0 || classIds?.length === 0) return [];
  return tx
    .selectDistinct({ classId: classEnrollments.classId, studentId: classEnrollments.studentId })
    .from(classEnrollments)
    .innerJoin(
      classes,
      and(
        eq(classes.schoolId, classEnrollments.schoolId),
        eq(classes.id, classEnrollments.classId),
      ),
    )
    .where(
      and(
        eq(classEnrollments.schoolId, schoolId),
        eq(classes.termId, term.id),
        overlaps(term.startsOn, term.endsOn),
        studentIds ? inArray(classEnrollments.studentId, studentIds) : undefined,
        classIds ? inArray(classEnrollments.classId, classIds) : undefined,
      ),
    );
}

export interface TermRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

const termColumns = {
  id: terms.id,
  name: terms.name,
  startsOn: terms.startsOn,
  endsOn: terms.endsOn,
};

export async function findTerm(tx: Tx, schoolId: string, id: string): Promise<TermRow | null> {
  return first(
    await tx
      .select(termColumns)
      .from(terms)
      .where(and(eq(terms.schoolId, schoolId), eq(terms.id, id)))
      .limit(1),
  );
}

/**
 * The term a day belongs to; between terms the latest one already started, and before the
 * first term the first one.
 */
export async function findTermAround(
  tx: Tx,
  schoolId: string,
  day: string,
): Promise<TermRow | null> {
  return first(
    await tx
      .select(termColumns)
      .from(terms)
      .where(eq(terms.schoolId, schoolId))
      .orderBy(
        sql`case when ${terms.startsOn} <= ${day} and ${terms.endsOn} >= ${day} then 0
                 when ${terms.startsOn} <= ${day} then 1 else 2 end`,
        sql`case when ${terms.startsOn} <= ${day} then ${terms.startsOn} end desc nulls last`,
        asc(terms.startsOn),
        asc(terms.id),
      )
      .limit(1),
  );
}

export interface ClassSummaryRow {
  id: string;
  name: string;
  subjectId: string;
  subjectCode: string;
  subjectName: string;
}

export async function listClassSummaries(
  tx: Tx,
  schoolId: string,
  classIds: string[],
): Promise<ClassSummaryRow[]> {
  if (classIds.length === 0) return [];
  return tx
    .select({
      id: classes.id,
      name: classes.name,
      subjectId: subjects.id,
      subjectCode: subjects.code,
      subjectName: subjects.name,
    })
    .from(classes)
    .innerJoin(
      subjects,
      and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
    )
    .where(and(eq(classes.schoolId, schoolId), inArray(classes.id, classIds)))
    .orderBy(asc(subjects.name), asc(classes.name), asc(classes.id));
}

// ---------------------------------------------------------------------------------------------
// Categories

export interface CategoryRow {
  id: string;
  classId: string;
  name: string;
  weight: number;
  sortOrder: number;
  createdAt: Date;
  updatedAt: Date;
}

function toCategoryRow(row: typeof assessmentCategories.$inferSelect): CategoryRow {
  return {
    id: row.id,
    classId: row.classId,
    name: row.name,
    weight: num(row.weight),
    sortOrder: row.sortOrder,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listCategories(
  tx: Tx,
  schoolId: string,
  classIds: string[],
): Promise<CategoryRow[]> {
  if (classIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(assessmentCategories)
    .where(
      and(
        eq(assessmentCategories.schoolId, schoolId),
        inArray(assessmentCategories.classId, classIds),
      ),
    )
    .orderBy(
      asc(assessmentCategories.sortOrder),
      asc(assessmentCategories.name),
      asc(assessmentCategories.id),
    );
  return rows.map(toCategoryRow);
}

export async function findCategory(
  tx: Tx,
  schoolId: string,
  id: string,
  lock?: RowLock,
): Promise<CategoryRow | null> {
  const query = tx
    .select()
    .from(assessmentCategories)
    .where(and(eq(assessmentCategories.schoolId, schoolId), eq(assessmentCategories.id, id)))
    .limit(1);
  const row = first(lock ? await query.for(lock) : await query);
  return row ? toCategoryRow(row) : null;
}

export async function countCategories(
  tx: Tx,
  schoolId: string,
  classId: string,
): Promise<{ count: number; maxSortOrder: number | null }> {
  const rows = await tx
    .select({
      n: sql<number>`count(*)::int`,
      max: sql<number | null>`max(${assessmentCategories.sortOrder})`,
    })
    .from(assessmentCategories)
    .where(
      and(eq(assessmentCategories.schoolId, schoolId), eq(assessmentCategories.classId, classId)),
    );
  return { count: rows[0]?.n ?? 0, maxSortOrder: rows[0]?.max ?? null };
}

export async function insertCategory(
  tx: Tx,
  row: {
    schoolId: string;
    id: string;
    classId: string;
    name: string;
    weight: number;
    sortOrder: number;
  },
): Promise<CategoryRow> {
  const inserted = one(
    await tx
      .insert(assessmentCategories)
      .values({ ...row, weight: String(row.weight) })
      .returning(),
    'assessment_categories',
  );
  return toCategoryRow(inserted);
}

export async function updateCategory(
  tx: Tx,
  schoolId: string,
  id: string,
  values: { name?: string; weight?: number; sortOrder?: number },
): Promise<CategoryRow> {
  const { weight, ...rest } = values;
  const updated = one(
    await tx
      .update(assessmentCategories)
      .set({
        ...rest,
        ...(weight !== undefined ? { weight: String(weight) } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(assessmentCategories.schoolId, schoolId), eq(assessmentCategories.id, id)))
      .returning(),
    'assessment_categories',
  );
  return toCategoryRow(updated);
}

export async function deleteCategory(tx: Tx, schoolId: string, id: string): Promise<void> {
  await tx
    .delete(assessmentCategories)
    .where(and(eq(assessmentCategories.schoolId, schoolId), eq(assessmentCategories.id, id)));
}

// ---------------------------------------------------------------------------------------------
// Assessments

export interface AssessmentRow {
  id: string;
  classId: string;
  categoryId: string;
  title: string;
  maxScore: number;
  dueOn: string | null;
  published: boolean;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function toAssessmentRow(row: typeof assessments.$inferSelect): AssessmentRow {
  return {
    id: row.id,
    classId: row.classId,
    categoryId: row.categoryId,
    title: row.title,
    maxScore: num(row.maxScore),
    dueOn: row.dueOn,
    published: row.published,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** By due date (undated last), then by creation (ids are time-ordered). */
const assessmentOrder = [
  sql`${assessments.dueOn} asc nulls last`,
  asc(assessments.createdAt),
  asc(assessments.id),
];

export async function listAssessments(
  tx: Tx,
  schoolId: string,
  classIds: string[],
  options: { publishedOnly?: boolean; lock?: RowLock } = {},
): Promise<AssessmentRow[]> {
  if (classIds.length === 0) return [];
  const query = tx
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.schoolId, schoolId),
        inArray(assessments.classId, classIds),
        options.publishedOnly ? eq(assessments.published, true) : undefined,
      ),
    )
    .orderBy(...assessmentOrder);
  const rows = options.lock ? await query.for(options.lock) : await query;
  return rows.map(toAssessmentRow);
}

export async function findAssessment(
  tx: Tx,
  schoolId: string,
  id: string,
  lock?: RowLock,
): Promise<AssessmentRow | null> {
  const query = tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.schoolId, schoolId), eq(assessments.id, id)))
    .limit(1);
  const row = first(lock ? await query.for(lock) : await query);
  return row ? toAssessmentRow(row) : null;
}

export async function countAssessments(
  tx: Tx,
  schoolId: string,
  where: { classId: string } | { categoryId: string },
): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(assessments)
    .where(
      and(
        eq(assessments.schoolId, schoolId),
        'classId' in where
          ? eq(assessments.classId, where.classId)
          : eq(assessments.categoryId, where.categoryId),
      ),
    );
  return rows[0]?.n ?? 0;
}

export async function insertAssessment(
  tx: Tx,
  row: {
    schoolId: string;
    id: string;
    classId: string;
    categoryId: string;
    title: string;
    maxScore: number;
    dueOn: string | null;
    published: boolean;
  },
): Promise<AssessmentRow> {
  const inserted = one(
    await tx
      .insert(assessments)
      .values({
        ...row,
        maxScore: String(row.maxScore),
        publishedAt: row.published ? sql`now()` : null,
      })
      .returning(),
    'assessments',
  );
  return toAssessmentRow(inserted);
}

export async function updateAssessment(
  tx: Tx,
  schoolId: string,
  id: string,
  values: {
    categoryId?: string;
    title?: string;
    maxScore?: number;
    dueOn?: string | null;
    published?: boolean;
  },
): Promise<AssessmentRow> {
  const { maxScore, published, ...rest } = values;
  const updated = one(
    await tx
      .update(assessments)
      .set({
        ...rest,
        ...(maxScore !== undefined ? { maxScore: String(maxScore) } : {}),
        ...(published !== undefined
          ? { published, publishedAt: published ? sql`now()` : null }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(assessments.schoolId, schoolId), eq(assessments.id, id)))
      .returning(),
    'assessments',
  );
  return toAssessmentRow(updated);
}

/** Deletes the assessment (its scores go with it); returns how many scores it had. */
export async function deleteAssessment(tx: Tx, schoolId: string, id: string): Promise<number> {
  const counted = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(scores)
    .where(and(eq(scores.schoolId, schoolId), eq(scores.assessmentId, id)));
  await tx
    .delete(assessments)
    .where(and(eq(assessments.schoolId, schoolId), eq(assessments.id, id)));
  return counted[0]?.n ?? 0;
}

/** The highest points scored on the assessment, or null without scored work. */
export async function highestPoints(
  tx: Tx,
  schoolId: string,
  assessmentId: string,
): Promise<number | null> {
  const rows = await tx
    .select({ max: sql<string | null>`max(${scores.points})` })
    .from(scores)
    .where(and(eq(scores.schoolId, schoolId), eq(scores.assessmentId, assessmentId)));
  return numOrNull(rows[0]?.max ?? null);
}

// ---------------------------------------------------------------------------------------------
// Scores

export interface ScoreRow {
  assessmentId: string;
  studentId: string;
  status: ScoreStatus;
  points: number | null;
  comment: string | null;
}

const scoreColumns = {
  assessmentId: scores.assessmentId,
  studentId: scores.studentId,
  status: scores.status,
  points: scores.points,
  comment: scores.comment,
};

/**
 * Scores on the assessments of these classes, optionally only for some students and only on
 * published assessments. One query however many students and assessments there are.
 */
export async function listScores(
  tx: Tx,
  schoolId: string,
  classIds: string[],
  options: { studentIds?: string[] | null; publishedOnly?: boolean } = {},
): Promise<ScoreRow[]> {
  if (classIds.length === 0 || options.studentIds?.length === 0) return [];
  const rows = await tx
    .select(scoreColumns)
    .from(scores)
    .innerJoin(
      assessments,
      and(eq(assessments.schoolId, scores.schoolId), eq(assessments.id, scores.assessmentId)),
    )
    .where(
      and(
        eq(scores.schoolId, schoolId),
        inArray(assessments.classId, classIds),
        options.studentIds ? inArray(scores.studentId, options.studentIds) : undefined,
        options.publishedOnly ? eq(assessments.published, true) : undefined,
      ),
    );
  return rows.map((r) => ({ ...r, points: numOrNull(r.points) }));
}

export interface ScoreWrite {
  assessmentId: string;
  studentId: string;
  status: ScoreStatus;
  points: number | null;
  /** Undefined keeps the comment already there. */
  comment?: string | null;
}

/**
 * Inserts or replaces the scores in at most two statements: rows that set their comment, and
 * rows that keep the one they have.
 */
export async function upsertScores(
  tx: Tx,
  schoolId: string,
  rows: ScoreWrite[],
  by: { userId: string | null; name: string },
): Promise<void> {
  const withComment = rows.filter((r) => r.comment !== undefined);
  const keepComment = rows.filter((r) => r.comment === undefined);
  const values = (list: ScoreWrite[]) =>
    list.map((r) => ({
      schoolId,
      assessmentId: r.assessmentId,
      studentId: r.studentId,
      status: r.status,
      points: r.points === null ? null : String(r.points),
      comment: r.comment ?? null,
      updatedBy: by.userId,
      updatedByName: by.name,
    }));
  const target = [scores.schoolId, scores.assessmentId, scores.studentId];
  const common = {
    status: sql`excluded.status`,
    points: sql`excluded.points`,
    updatedBy: sql`excluded.updated_by`,
    updatedByName: sql`excluded.updated_by_name`,
    updatedAt: sql`now()`,
  };
  if (withComment.length > 0) {
    await tx
      .insert(scores)
      .values(values(withComment))
      .onConflictDoUpdate({ target, set: { ...common, comment: sql`excluded.comment` } });
  }
  if (keepComment.length > 0) {
    await tx.insert(scores).values(values(keepComment)).onConflictDoUpdate({ target, set: common });
  }
}

// ---------------------------------------------------------------------------------------------
// People the reader may see

export interface StudentSummaryRow {
  id: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
}

const studentSummary = {
  id: students.id,
  admissionNumber: students.admissionNumber,
  firstName: students.firstName,
  lastName: students.lastName,
};

export async function findStudentSummary(
  tx: Tx,
  schoolId: string,
  id: string,
): Promise<StudentSummaryRow | null> {
  return first(
    await tx
      .select(studentSummary)
      .from(students)
      .where(and(eq(students.schoolId, schoolId), eq(students.id, id)))
      .limit(1),
  );
}

/** Ids of the students matching a relationship scope (self, children). */
export async function listStudentIdsWhere(
  tx: Tx,
  schoolId: string,
  condition: SQL,
): Promise<string[]> {
  const rows = await tx
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.schoolId, schoolId), condition));
  return rows.map((r) => r.id);
}

/** Of these classes (all of the teacher's when null), the ones the staff member teaches. */
export async function listTaughtClassIds(
  tx: Tx,
  schoolId: string,
  staffId: string,
  classIds: string[] | null = null,
): Promise<string[]> {
  if (classIds?.length === 0) return [];
  const rows = await tx
    .select({ classId: classTeachers.classId })
    .from(classTeachers)
    .where(
      and(
        eq(classTeachers.schoolId, schoolId),
        eq(classTeachers.staffId, staffId),
        classIds ? inArray(classTeachers.classId, classIds) : undefined,
      ),
    );
  return rows.map((r) => r.classId);
}

/** Whether the student was ever enrolled in a class the staff member teaches. */
export async function studentInTaughtClass(
  tx: Tx,
  schoolId: string,
  staffId: string,
  studentId: string,
): Promise<boolean> {
  const rows = await tx
    .select({ classId: classEnrollments.classId })
    .from(classEnrollments)
    .innerJoin(
      classTeachers,
      and(
        eq(classTeachers.schoolId, classEnrollments.schoolId),
        eq(classTeachers.classId, classEnrollments.classId),
      ),
    )
    .where(
      and(
        eq(classEnrollments.schoolId, schoolId),
        eq(classEnrollments.studentId, studentId),
        eq(classTeachers.staffId, staffId),
      ),
    )
    .limit(1);
  return rows.length === 1;
}
