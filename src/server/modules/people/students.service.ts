import type {
  CreateStudentBody,
  LinkAccountBody,
  Student,
  StudentListQuery,
  StudentStatusBody,
  UpdateStudentBody,
} from '../../../shared/contracts/people.js';
import type { User } from '../../../shared/contracts/identity.js';
import { changes, recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { assertCanAddStudents } from '../schools/limits.js';
import { createPersonAccount } from './person-accounts.js';
import { studentScopeCondition } from './scope.js';
import { canTransition, STUDENT_TRANSITIONS, todayIn } from './student-status.js';
import {
  countStudentEnrollments,
  deleteGuardianLinksOfStudent,
  deleteStudent as deleteStudentRow,
  findStudent,
  insertStudent,
  listStudents as listStudentRows,
  sectionExists,
  studentKeyOf,
  updateStudent as updateStudentRow,
  type StudentRecord,
  type StudentRow,
} from './students.repository.js';

export function toStudent(row: StudentRow): Student {
  return {
    id: row.id,
    admissionNumber: row.admissionNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender,
    status: row.status,
    enrolledOn: row.enrolledOn,
    sectionId: row.sectionId,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The same answer for a student that does not exist and one the actor may not see. */
export function studentNotFound(): AppError {
  return new AppError('STUDENT_NOT_FOUND', 'No such student.');
}

function auditFields(row: StudentRecord): Record<string, unknown> {
  return {
    admissionNumber: row.admissionNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender,
    status: row.status,
    enrolledOn: row.enrolledOn,
    sectionId: row.sectionId,
  };
}

function admissionNumberTaken(): AppError {
  return new AppError('ADMISSION_NUMBER_TAKEN', 'Another student has this admission number.', [
    { field: 'admissionNumber', code: 'taken', message: 'is already used in this school' },
  ]);
}

function rethrowTaken(error: unknown): never {
  if (isUniqueViolation(error, 'students_school_admission_key')) throw admissionNumberTaken();
  throw error;
}

async function assertSectionExists(tx: Tx, sectionId: string | null | undefined): Promise<void> {
  if (!sectionId) return;
  if (!(await sectionExists(tx, sectionId))) {
    throw new AppError('VALIDATION_FAILED', 'The section does not exist.', [
      { field: 'sectionId', code: 'unknown', message: 'is not a section of this school' },
    ]);
  }
}

function assertBornInThePast(ctx: TenantContext, dateOfBirth: string | null | undefined): void {
  if (dateOfBirth && dateOfBirth > todayIn(ctx.school.timezone)) {
    throw new AppError('VALIDATION_FAILED', 'The date of birth is in the future.', [
      { field: 'dateOfBirth', code: 'future', message: 'is in the future' },
    ]);
  }
}

export async function listStudents(ctx: TenantContext, query: StudentListQuery) {
  const { actor, scopes } = requirePermission(ctx, 'students:read');
  const limit = query.limit ?? 50;
  const sort = query.sort ?? 'name';
  const order = query.order ?? 'asc';
  const after = decodeCursor(
    query.cursor,
    sort === 'name' ? ['string', 'string', 'string'] : ['string', 'string'],
  );
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listStudentRows(tx, {
      scope: studentScopeCondition(actor, scopes),
      limit,
      sort,
      order,
      ...(after ? { after: after.map(String) } : {}),
      ...(query.q?.trim() ? { q: query.q } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.sectionId ? { sectionId: query.sectionId } : {}),
      ...(query.gradeLevelId ? { gradeLevelId: query.gradeLevelId } : {}),
    }),
  );
  const result = page(rows, limit, (r) => studentKeyOf(r, sort));
  return { items: result.items.map(toStudent), nextCursor: result.nextCursor };
}

export async function getStudent(ctx: TenantContext, unverifiedId: string): Promise<Student> {
  const { actor, scopes } = requirePermission(ctx, 'students:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findStudent(tx, unverifiedId, studentScopeCondition(actor, scopes)),
  );
  if (!row) throw studentNotFound();
  return toStudent(row);
}

export async function createStudent(
  ctx: TenantContext,
  input: CreateStudentBody,
): Promise<Student> {
  requirePermission(ctx, 'students:manage');
  assertBornInThePast(ctx, input.dateOfBirth);
  const status = input.status ?? 'applicant';
  const enrolledOn =
    input.enrolledOn ?? (status === 'enrolled' ? todayIn(ctx.school.timezone) : null);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await assertCanAddStudents(ctx, tx, 1);
      await assertSectionExists(tx, input.sectionId);
      const inserted = await insertStudent(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        admissionNumber: input.admissionNumber.trim(),
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        dateOfBirth: input.dateOfBirth ?? null,
        gender: input.gender ?? 'unspecified',
        status,
        enrolledOn,
        sectionId: input.sectionId ?? null,
      });
      await recordAudit(tx, ctx, {
        action: 'student.created',
        entityType: 'student',
        entityId: inserted.id,
        after: auditFields(inserted),
      });
      return inserted;
    })
    .catch(rethrowTaken);
  return toStudent({ ...row, userId: null });
}

export async function updateStudent(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateStudentBody,
): Promise<Student> {
  const { actor, scopes } = requirePermission(ctx, 'students:manage');
  const scope = studentScopeCondition(actor, scopes);
  assertBornInThePast(ctx, input.dateOfBirth);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findStudent(tx, unverifiedId, scope);
      if (!before) throw studentNotFound();
      if (input.sectionId !== undefined && input.sectionId !== before.sectionId) {
        await assertSectionExists(tx, input.sectionId);
      }
      const fields: Parameters<typeof updateStudentRow>[2] = {};
      if (input.admissionNumber !== undefined)
        fields.admissionNumber = input.admissionNumber.trim();
      if (input.firstName !== undefined) fields.firstName = input.firstName.trim();
      if (input.lastName !== undefined) fields.lastName = input.lastName.trim();
      if (input.dateOfBirth !== undefined) fields.dateOfBirth = input.dateOfBirth;
      if (input.gender !== undefined) fields.gender = input.gender;
      if (input.enrolledOn !== undefined) fields.enrolledOn = input.enrolledOn;
      if (input.sectionId !== undefined) fields.sectionId = input.sectionId;
      const updated = await updateStudentRow(tx, before.id, fields);
      if (!updated) throw studentNotFound();
      const diff = changes(auditFields(before), auditFields(updated));
      if (Object.keys(diff.after).length > 0) {
        await recordAudit(tx, ctx, {
          action: 'student.updated',
          entityType: 'student',
          entityId: updated.id,
          ...diff,
        });
      }
      return { ...updated, userId: before.userId };
    })
    .catch(rethrowTaken);
  return toStudent(row);
}

export async function changeStudentStatus(
  ctx: TenantContext,
  unverifiedId: string,
  input: StudentStatusBody,
): Promise<Student> {
  const { actor, scopes } = requirePermission(ctx, 'students:manage');
  const scope = studentScopeCondition(actor, scopes);
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    // Locked, so two changes at once are judged one after the other.
    const before = await findStudent(tx, unverifiedId, scope, { lock: true });
    if (!before) throw studentNotFound();
    if (!canTransition(before.status, input.status)) {
      const allowed = STUDENT_TRANSITIONS[before.status];
      throw new AppError(
        'INVALID_TRANSITION',
        allowed.length === 0
          ? `A student who is ${before.status} stays ${before.status}.`
          : `A student who is ${before.status} can become ${allowed.join(', ')}; not ${input.status}.`,
        [{ field: 'status', code: 'transition', message: `${before.status} → ${input.status}` }],
      );
    }
    const fields: Parameters<typeof updateStudentRow>[2] = { status: input.status };
    if (input.status === 'enrolled' && !before.enrolledOn) {
      fields.enrolledOn = todayIn(ctx.school.timezone);
    }
    const updated = await updateStudentRow(tx, before.id, fields);
    if (!updated) throw studentNotFound();
    const diff = changes(auditFields(before), auditFields(updated));
    await recordAudit(tx, ctx, {
      action: 'student.status_changed',
      entityType: 'student',
      entityId: updated.id,
      before: diff.before,
      after: { ...diff.after, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { ...updated, userId: before.userId };
  });
  return toStudent(row);
}

/**
 * Deletes a student record entered by mistake. A student with enrollments or an account is
 * part of the school's history: those are withdrawn, not deleted. The student's own guardian
 * links go with the record, and the audit event lists them.
 */
export async function deleteStudent(ctx: TenantContext, unverifiedId: string): Promise<void> {
  const { actor, scopes } = requirePermission(ctx, 'students:manage');
  const scope = studentScopeCondition(actor, scopes);
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const student = await findStudent(tx, unverifiedId, scope, { lock: true });
      if (!student) throw studentNotFound();
      const enrollments = await countStudentEnrollments(tx, student.id);
      const reasons: string[] = [];
      if (enrollments.classes > 0) reasons.push(`${enrollments.classes} class enrollment(s)`);
      if (enrollments.sections > 0) reasons.push(`${enrollments.sections} section enrollment(s)`);
      if (student.userId) reasons.push('a linked account');
      if (reasons.length > 0) {
        throw new AppError(
          'IN_USE',
          `This student has ${reasons.join(' and ')}; withdraw the student instead.`,
          reasons.map((message) => ({ field: 'id', code: 'in_use', message })),
        );
      }
      const links = await deleteGuardianLinksOfStudent(tx, student.id);
      await deleteStudentRow(tx, student.id);
      await recordAudit(tx, ctx, {
        action: 'student.deleted',
        entityType: 'student',
        entityId: student.id,
        before: {
          ...auditFields(student),
          guardianLinks: links.map((l) => ({
            guardianId: l.guardianId,
            relationship: l.relationship,
            isPrimary: l.isPrimary,
          })),
        },
        after: { guardianLinksRemoved: links.length },
      });
    })
    .catch((error: unknown) => {
      // Records added by later modules (attendance, scores) also hold on to the student.
      if (isForeignKeyViolation(error)) {
        throw new AppError(
          'IN_USE',
          'Other records refer to this student; withdraw the student instead.',
        );
      }
      throw error;
    });
}

export async function createStudentAccount(
  ctx: TenantContext,
  unverifiedId: string,
  input: LinkAccountBody,
): Promise<User> {
  const { actor, scopes } = requirePermission(ctx, 'students:manage');
  const scope = studentScopeCondition(actor, scopes);
  return createPersonAccount(
    ctx,
    {
      kind: 'student',
      async load(tx) {
        const student = await findStudent(tx, unverifiedId, scope, { lock: true });
        if (!student) throw studentNotFound();
        return student;
      },
      roles: () => ['student'],
    },
    input,
  );
}
