import type {
  EffectiveScale,
  StudentClassGrades,
  StudentGrades,
  StudentGradesQuery,
} from '../../../shared/contracts/gradebook.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { schoolToday } from '../enrollment/school-date.js';
import { ownStudentIds, type ClassView } from './gradebook-access.js';
import {
  findAveragingRules,
  findStudentSummary,
  findTerm,
  findTermAround,
  listAssessments,
  listCategories,
  listClassSummaries,
  listScores,
  listTaughtClassIds,
  listTeachersOf,
  listTermEnrollments,
  studentInTaughtClass,
} from './gradebook.repository.js';
import { BUILT_IN_SCALE } from './grading-scale.rules.js';
import { bandFor, termAverage } from './term-average.js';

// One student's grades for a term, class by class. What the reader sees decides what counts:
// the student herself and her guardians see published assessments only, and her average is
// computed over those; a teacher sees only the classes she teaches, with every assessment;
// whole-school readers see everything.

const studentNotFound = () => new AppError('STUDENT_NOT_FOUND', 'No such student.');

export async function getStudentGrades(
  ctx: TenantContext,
  unverifiedStudentId: string,
  query: StudentGradesQuery,
): Promise<StudentGrades> {
  const { actor, scopes } = requirePermission(ctx, 'grades:read');
  const schoolId = ctx.schoolId;
  return ctx.services.db.withTenant(schoolId, async (tx) => {
    const student = await findStudentSummary(tx, schoolId, unverifiedStudentId);
    if (!student) throw studentNotFound();
    const all = scopes.includes('all');
    const personal =
      !all && (await ownStudentIds(tx, schoolId, actor, scopes)).includes(student.id);
    const teacherId = !all && scopes.includes('own-classes') ? actor.linkedStaffId : null;
    if (!all && !personal) {
      // Same answer as for an id that does not exist: nothing tells the reader it does.
      if (!teacherId || !(await studentInTaughtClass(tx, schoolId, teacherId, student.id))) {
        throw studentNotFound();
      }
    }

    const term = query.termId
      ? await findTerm(tx, schoolId, query.termId)
      : await findTermAround(tx, schoolId, schoolToday(ctx.school.timezone));
    if (query.termId && !term) throw new AppError('TERM_NOT_FOUND', 'No such term.');
    const rules = await findAveragingRules(tx, schoolId);
    const settings = { missingCountsAsZero: rules.missingCountsAsZero };
    const scale: EffectiveScale = rules.scale ?? {
      id: null,
      name: BUILT_IN_SCALE.name,
      bands: BUILT_IN_SCALE.bands,
    };
    const base = { student, missingCountsAsZero: settings.missingCountsAsZero, scale };
    if (!term) return { ...base, term: null, classes: [] };

    const enrolledIn = [
      ...new Set(
        (await listTermEnrollments(tx, schoolId, term, [student.id])).map((e) => e.classId),
      ),
    ];
    const taught = new Set(
      teacherId ? await listTaughtClassIds(tx, schoolId, teacherId, enrolledIn) : [],
    );
    const views = new Map<string, ClassView>();
    for (const classId of enrolledIn) {
      if (all || taught.has(classId)) views.set(classId, 'full');
      else if (personal) views.set(classId, 'published');
    }
    const classIds = [...views.keys()];
    if (classIds.length === 0) return { ...base, term, classes: [] };

    const summaries = await listClassSummaries(tx, schoolId, classIds);
    const teachers = await listTeachersOf(tx, schoolId, classIds);
    const categories = await listCategories(tx, schoolId, classIds);
    const visible = (await listAssessments(tx, schoolId, classIds)).filter(
      (a) => views.get(a.classId) === 'full' || a.published,
    );
    const visibleIds = new Set(visible.map((a) => a.id));
    const scores = new Map(
      (await listScores(tx, schoolId, classIds, { studentIds: [student.id] }))
        .filter((s) => visibleIds.has(s.assessmentId))
        .map((s) => [s.assessmentId, s]),
    );

    const classes: StudentClassGrades[] = summaries.map((summary) => {
      const classCategories = categories.filter((c) => c.classId === summary.id);
      const classAssessments = visible.filter((a) => a.classId === summary.id);
      const own = classAssessments.flatMap((a) => {
        const score = scores.get(a.id);
        return score ? [score] : [];
      });
      const average = termAverage(classCategories, classAssessments, own, settings);
      const categoryPercent = new Map(average.categories.map((c) => [c.categoryId, c.percent]));
      return {
        class: { id: summary.id, name: summary.name },
        subject: { id: summary.subjectId, code: summary.subjectCode, name: summary.subjectName },
        teachers: teachers
          .filter((t) => t.classId === summary.id)
          .map(({ id, firstName, lastName }) => ({ id, firstName, lastName })),
        categories: classCategories.map((c) => ({
          id: c.id,
          name: c.name,
          weight: c.weight,
          percent: categoryPercent.get(c.id) ?? null,
        })),
        assessments: classAssessments.map((a) => {
          const score = scores.get(a.id);
          return {
            id: a.id,
            categoryId: a.categoryId,
            title: a.title,
            maxScore: a.maxScore,
            dueOn: a.dueOn,
            published: a.published,
            score: score
              ? { status: score.status, points: score.points, comment: score.comment }
              : null,
          };
        }),
        percent: average.percent,
        band: bandFor(average.percent, scale.bands),
      };
    });
    return { ...base, term, classes };
  });
}
