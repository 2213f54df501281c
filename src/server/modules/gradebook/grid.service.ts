import type {
  EffectiveScale,
  GradebookGrid,
  SaveScoresBody,
  SaveScoresResult,
  ScoreInput,
  StudentAverage,
} from '../../../shared/contracts/gradebook.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';
import { schoolToday } from '../enrollment/school-date.js';
import { toAssessment } from './assessments.service.js';
import { toCategory } from './categories.service.js';
import { classAverages } from './gradebook-averages.js';
import { classNotFound, forbidden, recordableClass } from './gradebook-access.js';
import {
  findAveragingRules,
  findGradebookClassWithTeachers,
  listAssessments,
  listCategories,
  listGradebookRoster,
  listScores,
  upsertScores,
  type AssessmentRow,
  type GradebookClassRow,
  type ScoreRow,
  type ScoreWrite,
} from './gradebook.repository.js';
import { BUILT_IN_SCALE } from './grading-scale.rules.js';

// The score grid of one class: its roster, assessments and scores with every student's
// average, read in a fixed number of queries whatever the class size; and the bulk save that
// writes any number of cells (up to the contract's limit) all or nothing.

async function averagingRules(
  tx: Tx,
  schoolId: string,
): Promise<{ missingCountsAsZero: boolean; scale: EffectiveScale }> {
  const rules = await findAveragingRules(tx, schoolId);
  return {
    missingCountsAsZero: rules.missingCountsAsZero,
    scale: rules.scale ?? { id: null, name: BUILT_IN_SCALE.name, bands: BUILT_IN_SCALE.bands },
  };
}

function roster(ctx: TenantContext, tx: Tx, klass: GradebookClassRow) {
  return listGradebookRoster(tx, ctx.schoolId, klass.id, {
    today: schoolToday(ctx.school.timezone),
    termStartsOn: klass.termStartsOn,
    termEndsOn: klass.termEndsOn,
  });
}

/** Every roster student's average over all of the class's assessments. */
async function averagesOf(
  tx: Tx,
  schoolId: string,
  klass: GradebookClassRow,
  studentIds: string[],
  assessments: AssessmentRow[],
  scores: ScoreRow[],
): Promise<{ averages: StudentAverage[]; missingCountsAsZero: boolean; scale: EffectiveScale }> {
  const categories = await listCategories(tx, schoolId, [klass.id]);
  const { missingCountsAsZero, scale } = await averagingRules(tx, schoolId);
  const byStudent = classAverages(categories, assessments, scores, studentIds, {
    missingCountsAsZero,
    bands: scale.bands,
  });
  return {
    averages: studentIds.map((studentId) => ({
      studentId,
      ...(byStudent.get(studentId) ?? { percent: null, band: null }),
    })),
    missingCountsAsZero,
    scale,
  };
}

/**
 * The grid, for whole-school readers and the class's teachers (it shows every student's
 * scores, so students and guardians are refused). Six queries, none per student.
 */
export async function getGradebook(
  ctx: TenantContext,
  unverifiedClassId: string,
): Promise<GradebookGrid> {
  const { actor, scopes } = requirePermission(ctx, 'grades:read');
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const klass = await findGradebookClassWithTeachers(tx, ctx.schoolId, unverifiedClassId);
    if (!klass) throw classNotFound();
    const teachers = klass.teachers;
    const teachesIt =
      scopes.includes('own-classes') && teachers.some((t) => t.id === actor.linkedStaffId);
    if (!scopes.includes('all') && !teachesIt) throw forbidden();

    const categories = await listCategories(tx, ctx.schoolId, [klass.id]);
    const assessments = await listAssessments(tx, ctx.schoolId, [klass.id]);
    const students = await roster(ctx, tx, klass);
    const onRoster = new Set(students.map((s) => s.id));
    const scores = (await listScores(tx, ctx.schoolId, [klass.id])).filter((s) =>
      onRoster.has(s.studentId),
    );
    const { missingCountsAsZero, scale } = await averagingRules(tx, ctx.schoolId);
    const byStudent = classAverages(
      categories,
      assessments,
      scores,
      students.map((s) => s.id),
      { missingCountsAsZero, bands: scale.bands },
    );
    return {
      class: {
        id: klass.id,
        name: klass.name,
        subject: { id: klass.subjectId, code: klass.subjectCode, name: klass.subjectName },
        term: {
          id: klass.termId,
          name: klass.termName,
          startsOn: klass.termStartsOn,
          endsOn: klass.termEndsOn,
        },
        teachers,
      },
      categories: categories.map(toCategory),
      assessments: assessments.map(toAssessment),
      students,
      scores: scores.map(({ assessmentId, studentId, status, points, comment }) => ({
        assessmentId,
        studentId,
        status,
        points,
        comment,
      })),
      averages: students.map((s) => ({
        studentId: s.id,
        ...(byStudent.get(s.id) ?? { percent: null, band: null }),
      })),
      missingCountsAsZero,
      scale,
    };
  });
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function normaliseComment(comment: string | null | undefined): string | null | undefined {
  if (comment === undefined) return undefined;
  const trimmed = comment?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Every problem with the items, each naming the item by its index; empty when all are fine. */
function itemProblems(
  items: readonly ScoreInput[],
  assessments: Map<string, AssessmentRow>,
  rosterIds: Set<string>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const at = `scores.${index}`;
    const assessment = assessments.get(item.assessmentId);
    if (!assessment) {
      problems.push({
        field: `${at}.assessmentId`,
        code: 'unknown',
        message: 'is not an assessment of this class',
      });
    }
    if (!rosterIds.has(item.studentId)) {
      problems.push({
        field: `${at}.studentId`,
        code: 'not_on_roster',
        message: 'is not a student on this class roster',
      });
    }
    const key = `${item.assessmentId}:${item.studentId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        field: at,
        code: 'duplicate',
        message: `repeats the cell of item ${earlier}`,
      });
    } else {
      seen.set(key, index);
    }
    const points = item.points ?? null;
    if (item.status === 'scored') {
      if (points === null) {
        problems.push({
          field: `${at}.points`,
          code: 'required',
          message: 'is required for a scored item',
        });
      } else if (assessment && round2(points) > assessment.maxScore) {
        problems.push({
          field: `${at}.points`,
          code: 'above_max',
          message: `must be at most ${assessment.maxScore}`,
        });
      }
    } else if (points !== null) {
      problems.push({
        field: `${at}.points`,
        code: 'not_allowed',
        message: `must be left out when the status is ${item.status}`,
      });
    }
  });
  return problems;
}

/**
 * Writes the cells all or nothing: any bad item refuses the whole request with a detail per
 * problem. Items equal to what is stored are left untouched. One audit event per save.
 */
export async function saveScores(
  ctx: TenantContext,
  unverifiedClassId: string,
  input: SaveScoresBody,
): Promise<SaveScoresResult> {
  const { actor } = requirePermission(ctx, 'grades:record');
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const klass = await recordableClass(tx, ctx, actor, unverifiedClassId);
    // Shared locks: a concurrent change of a maximum or a delete waits for this save.
    const assessments = await listAssessments(tx, ctx.schoolId, [klass.id], { lock: 'share' });
    const students = await roster(ctx, tx, klass);
    const rosterIds = new Set(students.map((s) => s.id));
    const problems = itemProblems(
      input.scores,
      new Map(assessments.map((a) => [a.id, a])),
      rosterIds,
    );
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Some scores cannot be saved; none were.', problems);
    }

    const stored = new Map(
      (await listScores(tx, ctx.schoolId, [klass.id])).map((s) => [
        `${s.assessmentId}:${s.studentId}`,
        s,
      ]),
    );
    const writes: ScoreWrite[] = [];
    let created = 0;
    for (const item of input.scores) {
      const write: ScoreWrite = {
        assessmentId: item.assessmentId,
        studentId: item.studentId,
        status: item.status,
        points: item.status === 'scored' ? round2(item.points ?? 0) : null,
        comment: normaliseComment(item.comment),
      };
      const before = stored.get(`${item.assessmentId}:${item.studentId}`);
      if (!before) created += 1;
      else if (
        before.status === write.status &&
        before.points === write.points &&
        (write.comment === undefined || write.comment === before.comment)
      ) {
        continue;
      }
      writes.push(write);
    }
    await upsertScores(tx, ctx.schoolId, writes, { userId: actor.userId, name: actor.name });
    const count = (status: string) => writes.filter((w) => w.status === status).length;
    await recordAudit(tx, ctx, {
      action: 'scores.saved',
      entityType: 'class',
      entityId: klass.id,
      after: {
        items: input.scores.length,
        created,
        updated: writes.length - created,
        unchanged: input.scores.length - writes.length,
        scored: count('scored'),
        excused: count('excused'),
        missing: count('missing'),
      },
    });

    for (const w of writes) {
      const key = `${w.assessmentId}:${w.studentId}`;
      const comment = w.comment === undefined ? (stored.get(key)?.comment ?? null) : w.comment;
      stored.set(key, { ...w, comment });
    }
    const scores = [...stored.values()].filter((s) => rosterIds.has(s.studentId));
    const { averages } = await averagesOf(
      tx,
      ctx.schoolId,
      klass,
      students.map((s) => s.id),
      assessments,
      scores,
    );
    return { saved: writes.length, averages };
  });
}
