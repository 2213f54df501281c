import type {
  LowAttendance,
  LowAttendanceQuery,
  RatesQuery,
  RatesReport,
  StudentAttendance,
  StudentAttendanceQuery,
} from '../../../shared/contracts/attendance.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findVisibleStudent } from '../enrollment/enrollment.repository.js';
import { schoolToday } from '../enrollment/school-date.js';
import { studentScopeCondition } from '../people/scope.js';
import { registerScopeCondition } from './attendance-access.js';
import { addDays } from '../enrollment/school-date.js';
import { readSettings } from './attendance.repository.js';
import {
  lowAttendance,
  ratesByClass,
  ratesBySection,
  ratesByStudent,
  ratesForSchool,
  studentMarks,
  studentSummary,
  toSummary,
  type NamedFigures,
} from './reports.repository.js';

// Attendance rates by student, class, section or the whole school, the low-attendance list,
// and one student's marks. Every figure is computed by the database.

/** Reports default to the 30 days up to the school's today. */
function range(ctx: TenantContext, query: { from?: string; to?: string }) {
  const to = query.to ?? schoolToday(ctx.school.timezone);
  const from = query.from ?? addDays(to, -29);
  if (from > to) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid.', [
      { field: 'from', code: 'after_to', message: 'must be on or before to' },
    ]);
  }
  return { from, to };
}

/** Whole-school readers see every register; a teacher only those of her classes and homeroom. */
function reportScope(ctx: TenantContext) {
  const { actor, scopes } = requirePermission(ctx, 'attendance:read');
  if (!scopes.includes('all') && !scopes.includes('own-classes')) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
  }
  return { actor, scopes, condition: registerScopeCondition(actor, scopes) };
}

function toRow(row: NamedFigures) {
  const summary = toSummary(row);
  return { id: row.id, name: row.name, ...summary };
}

export async function attendanceRates(ctx: TenantContext, query: RatesQuery): Promise<RatesReport> {
  const { scopes, condition } = reportScope(ctx);
  const { from, to } = range(ctx, query);
  if (query.groupBy === 'school' && !scopes.includes('all')) {
    throw new AppError('FORBIDDEN', 'Only whole-school readers see the school rate.');
  }
  const filter = {
    from,
    to,
    scope: condition,
    ...(query.classId ? { classId: query.classId } : {}),
    ...(query.sectionId ? { sectionId: query.sectionId } : {}),
  };
  const items = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    switch (query.groupBy) {
      case 'student':
        return (await ratesByStudent(tx, filter)).map(toRow);
      case 'class':
        return (await ratesByClass(tx, filter)).map(toRow);
      case 'section':
        return (await ratesBySection(tx, filter)).map(toRow);
      case 'school':
        return [
          {
            id: ctx.schoolId,
            name: ctx.school.name,
            ...toSummary(await ratesForSchool(tx, filter)),
          },
        ];
    }
  });
  return { from, to, groupBy: query.groupBy, items };
}

export async function lowAttendanceStudents(
  ctx: TenantContext,
  query: LowAttendanceQuery,
): Promise<LowAttendance> {
  const { condition } = reportScope(ctx);
  const { from, to } = range(ctx, query);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const threshold = query.threshold ?? (await readSettings(tx)).lowAttendanceThreshold;
    const rows = await lowAttendance(tx, { from, to, threshold, scope: condition });
    return {
      from,
      to,
      threshold,
      items: rows.map((row) => ({ ...toRow(row), admissionNumber: row.admissionNumber })),
    };
  });
}

/**
 * One student's marks and summary. Whole-school readers see everything; a student herself and
 * her guardians (with portal access) too; a teacher sees a student she teaches or whose
 * homeroom teacher she is, and only the marks of her classes and her homeroom's registers.
 */
export async function studentAttendance(
  ctx: TenantContext,
  unverifiedStudentId: string,
  query: StudentAttendanceQuery,
): Promise<StudentAttendance> {
  const { actor, scopes } = requirePermission(ctx, 'attendance:read');
  const from = query.from ?? null;
  const to = query.to ?? null;
  if (from && to && from > to) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid.', [
      { field: 'from', code: 'after_to', message: 'must be on or before to' },
    ]);
  }
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const student = await findVisibleStudent(
      tx,
      unverifiedStudentId,
      studentScopeCondition(actor, scopes),
    );
    if (!student) throw new AppError('STUDENT_NOT_FOUND', 'No such student.');
    // The student herself and her guardians see all of her marks; a reader who reaches her
    // only through 'own-classes' sees the marks of her own registers.
    const personal = scopes.filter((s) => s !== 'own-classes');
    const wide =
      personal.length > 0 &&
      (await findVisibleStudent(tx, student.id, studentScopeCondition(actor, personal))) !== null;
    const markScope = wide ? null : registerScopeCondition(actor, scopes);
    const items = await studentMarks(tx, student.id, { from, to }, markScope);
    const summary = await studentSummary(tx, student.id, { from, to }, markScope);
    return {
      student: {
        id: student.id,
        firstName: student.firstName,
        lastName: student.lastName,
        admissionNumber: student.admissionNumber,
      },
      from,
      to,
      items,
      summary,
    };
  });
}
