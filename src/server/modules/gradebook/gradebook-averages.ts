import type { Tx } from '../../platform/db/database.js';
import {
  findAveragingRules,
  findDefaultScale,
  findTerm,
  listAssessments,
  listCategories,
  listScores,
  listTermEnrollments,
  type AssessmentRow,
  type CategoryRow,
  type ScoreRow,
} from './gradebook.repository.js';
import type { GradeBand } from './gradebook.table.js';
import { BUILT_IN_SCALE } from './grading-scale.rules.js';
import { bandFor, termAverage } from './term-average.js';

// Averages as other modules (report cards) and this one's screens read them. The rules are in
// term-average.ts; this file only gathers a class's categories, assessments and scores with a
// fixed number of queries and applies them.

export interface StudentAverage {
  percent: number | null;
  band: string | null;
}

/** The school's default scale, or the built-in A–F while it has none (nothing is stored). */
export async function defaultScale(
  tx: Tx,
  schoolId: string,
): Promise<{ name: string; bands: GradeBand[] }> {
  const row = await findDefaultScale(tx, schoolId);
  if (!row)
    return { name: BUILT_IN_SCALE.name, bands: BUILT_IN_SCALE.bands.map((b) => ({ ...b })) };
  return { name: row.name, bands: row.bands };
}

/**
 * Each student's average in one class over the assessments given (the caller decides which
 * ones the reader may see). Students without any counted score get a null percent and band.
 */
export function classAverages(
  categories: readonly CategoryRow[],
  classAssessments: readonly AssessmentRow[],
  classScores: readonly ScoreRow[],
  studentIds: readonly string[],
  options: { missingCountsAsZero: boolean; bands: readonly GradeBand[] },
): Map<string, StudentAverage> {
  const byStudent = new Map<string, ScoreRow[]>(studentIds.map((id) => [id, []]));
  for (const score of classScores) byStudent.get(score.studentId)?.push(score);
  const result = new Map<string, StudentAverage>();
  for (const [studentId, own] of byStudent) {
    const { percent } = termAverage(categories, classAssessments, own, options);
    result.set(studentId, { percent, band: bandFor(percent, options.bands) });
  }
  return result;
}

function groupByClass<T extends { classId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.classId);
    if (list) list.push(row);
    else grouped.set(row.classId, [row]);
  }
  return grouped;
}

/**
 * Term averages per student per class, for every class of the term the student was enrolled
 * in at some point during the term. Every assessment counts, published or not, with the
 * school's "missing counts as zero" setting and its default scale. `studentIds` null means
 * every student of those classes. Runs inside the caller's withTenant transaction and issues
 * the same six queries however many students and classes there are.
 */
export async function termAveragesForStudents(
  tx: Tx,
  schoolId: string,
  termId: string,
  studentIds: string[] | null,
): Promise<Map<string, Map<string, StudentAverage>>> {
  const result = new Map<string, Map<string, StudentAverage>>();
  if (studentIds !== null && studentIds.length === 0) return result;
  const term = await findTerm(tx, schoolId, termId);
  if (!term) return result;
  const enrollments = await listTermEnrollments(tx, schoolId, term, studentIds);
  if (enrollments.length === 0) return result;
  const classIds = [...new Set(enrollments.map((e) => e.classId))];
  const enrolledIds = [...new Set(enrollments.map((e) => e.studentId))];
  const categories = groupByClass(await listCategories(tx, schoolId, classIds));
  const assessments = groupByClass(await listAssessments(tx, schoolId, classIds));
  const assessmentClass = new Map<string, string>();
  for (const [classId, list] of assessments)
    for (const a of list) assessmentClass.set(a.id, classId);
  const scoresByClass = new Map<string, ScoreRow[]>();
  for (const score of await listScores(tx, schoolId, classIds, { studentIds: enrolledIds })) {
    const classId = assessmentClass.get(score.assessmentId);
    if (!classId) continue;
    const list = scoresByClass.get(classId);
    if (list) list.push(score);
    else scoresByClass.set(classId, [score]);
  }
  const rules = await findAveragingRules(tx, schoolId);
  const bands = rules.scale?.bands ?? BUILT_IN_SCALE.bands;

  const studentsByClass = new Map<string, string[]>();
  for (const e of enrollments) {
    const list = studentsByClass.get(e.classId);
    if (list) list.push(e.studentId);
    else studentsByClass.set(e.classId, [e.studentId]);
  }
  for (const [classId, classStudents] of studentsByClass) {
    const averages = classAverages(
      categories.get(classId) ?? [],
      assessments.get(classId) ?? [],
      scoresByClass.get(classId) ?? [],
      classStudents,
      { missingCountsAsZero: rules.missingCountsAsZero, bands },
    );
    for (const [studentId, average] of averages) {
      let perClass = result.get(studentId);
      if (!perClass) result.set(studentId, (perClass = new Map()));
      perClass.set(classId, average);
    }
  }
  return result;
}
