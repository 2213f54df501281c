import type {
  BulkClassEnrollment,
  ClassEnrollment,
  ClassSummary,
  EndClassEnrollmentBody,
  EnrollInClassBody,
  EnrollInSectionBody,
  MyClasses,
  Roster,
  RosterQuery,
  SectionEnrollment,
  StaffClasses,
  StaffClassesQuery,
  StudentClass,
  StudentClasses,
  StudentClassesQuery,
} from '../../../shared/contracts/enrollment.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { classes } from '../academics/academics.table.js';
import type { StudentStatus } from '../people/people.table.js';
import { classScopeCondition, studentScopeCondition } from '../people/scope.js';
import {
  deleteClassEnrollment as deleteClassEnrollmentRow,
  deleteSectionEnrollment as deleteSectionEnrollmentRow,
  enrollmentsRunningFrom,
  findAcademicYear,
  findSectionEnrollment,
  findSectionEnrollmentFor,
  findVisibleClass,
  findVisibleStudent,
  insertClassEnrollments,
  insertSectionEnrollment,
  listActiveEnrollments,
  listClassDetails,
  listClassTeachers,
  listRoster,
  listTaughtClassIds,
  listVisibleStudents,
  lockClass,
  lockClassEnrollment,
  lockStudent,
  moveSectionEnrollment,
  sectionExists,
  setClassEnrollmentEnd,
  setStudentSection,
  shareLockStudents,
  staffExists,
  type ClassEnrollmentRow,
  type SectionEnrollmentRow,
  type StudentRef,
} from './enrollment.repository.js';
import { schoolToday } from './school-date.js';

/** Only applicants and enrolled students take new places; the others keep their history. */
const ENROLLABLE: readonly StudentStatus[] = ['applicant', 'enrolled'];

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function today(ctx: TenantContext): string {
  return schoolToday(ctx.school.timezone);
}

function toSectionEnrollment(row: SectionEnrollmentRow, currentYear: boolean): SectionEnrollment {
  return {
    id: row.id,
    studentId: row.studentId,
    sectionId: row.sectionId,
    academicYearId: row.academicYearId,
    currentYear,
    createdAt: row.createdAt.toISOString(),
  };
}

function toClassEnrollment(row: ClassEnrollmentRow): ClassEnrollment {
  return {
    id: row.id,
    classId: row.classId,
    studentId: row.studentId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdAt: row.createdAt.toISOString(),
  };
}

function notEnrollable(student: StudentRef, field: string): ErrorDetail {
  return {
    field,
    code: 'status',
    message: `student ${student.id} is ${student.status}; only applicants and enrolled students can be enrolled`,
  };
}

async function changeStudentSection(
  ctx: TenantContext,
  tx: Tx,
  student: StudentRef,
  sectionId: string | null,
): Promise<void> {
  if (student.sectionId === sectionId) return;
  await setStudentSection(tx, student.id, sectionId);
  await recordAudit(tx, ctx, {
    action: 'student.section_changed',
    entityType: 'student',
    entityId: student.id,
    before: { sectionId: student.sectionId },
    after: { sectionId },
  });
}

/**
 * Puts a student in a section for an academic year: one row per student and year, so a move
 * within the year updates it. In the current year the student's current section follows.
 */
export async function enrollStudentInSection(
  ctx: TenantContext,
  input: EnrollInSectionBody,
): Promise<{ enrollment: SectionEnrollment; created: boolean }> {
  requirePermission(ctx, 'enrollment:manage');
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const student = await lockStudent(tx, input.studentId);
    const year = await findAcademicYear(tx, input.academicYearId);
    const hasSection = await sectionExists(tx, input.sectionId);
    const unknown: ErrorDetail[] = [];
    if (!student) {
      unknown.push({ field: 'studentId', code: 'unknown', message: 'is not a student here' });
    }
    if (!hasSection) {
      unknown.push({ field: 'sectionId', code: 'unknown', message: 'is not a section here' });
    }
    if (!year) {
      unknown.push({ field: 'academicYearId', code: 'unknown', message: 'is not a year here' });
    }
    if (!student || !year || unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Some records do not exist.', unknown);
    }
    if (!ENROLLABLE.includes(student.status)) {
      throw new AppError('STUDENT_NOT_ENROLLABLE', 'This student cannot be enrolled.', [
        notEnrollable(student, 'studentId'),
      ]);
    }

    const existing = await findSectionEnrollmentFor(tx, student.id, year.id);
    let row: SectionEnrollmentRow;
    if (!existing) {
      row = await insertSectionEnrollment(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        studentId: student.id,
        sectionId: input.sectionId,
        academicYearId: year.id,
      });
      await recordAudit(tx, ctx, {
        action: 'section_enrollment.created',
        entityType: 'section_enrollment',
        entityId: row.id,
        after: { studentId: row.studentId, sectionId: row.sectionId, academicYearId: year.id },
      });
    } else if (existing.sectionId !== input.sectionId) {
      const moved = await moveSectionEnrollment(tx, existing.id, input.sectionId);
      if (!moved) throw new AppError('ENROLLMENT_NOT_FOUND', 'No such enrollment.');
      row = moved;
      await recordAudit(tx, ctx, {
        action: 'section_enrollment.moved',
        entityType: 'section_enrollment',
        entityId: row.id,
        before: { sectionId: existing.sectionId },
        after: { sectionId: row.sectionId },
      });
    } else {
      row = existing;
    }
    if (year.isCurrent) await changeStudentSection(ctx, tx, student, row.sectionId);
    return { enrollment: toSectionEnrollment(row, year.isCurrent), created: !existing };
  });
}

export async function deleteSectionEnrollment(
  ctx: TenantContext,
  unverifiedId: string,
): Promise<void> {
  requirePermission(ctx, 'enrollment:manage');
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const seen = await findSectionEnrollment(tx, unverifiedId);
    if (!seen) throw new AppError('ENROLLMENT_NOT_FOUND', 'No such enrollment.');
    // Lock the student before reading again, in the same order as enrolling does.
    const student = await lockStudent(tx, seen.studentId);
    const row = await findSectionEnrollment(tx, unverifiedId);
    if (!student || !row) throw new AppError('ENROLLMENT_NOT_FOUND', 'No such enrollment.');
    await deleteSectionEnrollmentRow(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'section_enrollment.deleted',
      entityType: 'section_enrollment',
      entityId: row.id,
      before: {
        studentId: row.studentId,
        sectionId: row.sectionId,
        academicYearId: row.academicYearId,
      },
    });
    if (row.currentYear && student.sectionId === row.sectionId) {
      await changeStudentSection(ctx, tx, student, null);
    }
  });
}

/**
 * Enrolls many students in a class at once, all or nothing. Students already enrolled in the
 * class over the start date are left as they are and reported as unchanged.
 */
export async function enrollStudentsInClass(
  ctx: TenantContext,
  input: EnrollInClassBody,
): Promise<BulkClassEnrollment> {
  requirePermission(ctx, 'enrollment:manage');
  const startsOn = input.startsOn ?? today(ctx);
  const studentIds = input.studentIds;
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const classFound = await lockClass(tx, input.classId);
    const found = new Map((await shareLockStudents(tx, studentIds)).map((s) => [s.id, s]));
    const unknown: ErrorDetail[] = [];
    if (!classFound) {
      unknown.push({ field: 'classId', code: 'unknown', message: 'is not a class here' });
    }
    const blocked: ErrorDetail[] = [];
    studentIds.forEach((id, index) => {
      const student = found.get(id);
      if (!student) {
        unknown.push({
          field: `studentIds.${index}`,
          code: 'unknown',
          message: `no student ${id} here`,
        });
      } else if (!ENROLLABLE.includes(student.status)) {
        blocked.push(notEnrollable(student, `studentIds.${index}`));
      }
    });
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Some records do not exist.', unknown);
    }
    if (blocked.length > 0) {
      throw new AppError('STUDENT_NOT_ENROLLABLE', 'Some students cannot be enrolled.', blocked);
    }

    const running = new Map<string, ClassEnrollmentRow>();
    for (const row of await enrollmentsRunningFrom(tx, input.classId, studentIds, startsOn)) {
      if (!running.has(row.studentId)) running.set(row.studentId, row);
    }
    const inserted = await insertClassEnrollments(
      tx,
      studentIds
        .filter((id) => !running.has(id))
        .map((studentId) => ({
          schoolId: ctx.schoolId,
          id: newId(),
          classId: input.classId,
          studentId,
          startsOn,
        })),
    );
    for (const row of inserted) {
      await recordAudit(tx, ctx, {
        action: 'class_enrollment.created',
        entityType: 'class_enrollment',
        entityId: row.id,
        after: { classId: row.classId, studentId: row.studentId, startsOn: row.startsOn },
      });
    }
    const created = new Map(inserted.map((row) => [row.studentId, row]));
    const inOrder = (rows: Map<string, ClassEnrollmentRow>) =>
      studentIds.flatMap((id) => {
        const row = rows.get(id);
        return row ? [toClassEnrollment(row)] : [];
      });
    return { created: inOrder(created), unchanged: inOrder(running) };
  });
}

export async function endClassEnrollment(
  ctx: TenantContext,
  unverifiedId: string,
  input: EndClassEnrollmentBody,
): Promise<ClassEnrollment> {
  requirePermission(ctx, 'enrollment:manage');
  const endsOn = input.endsOn ?? today(ctx);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const row = await lockClassEnrollment(tx, unverifiedId);
    if (!row) throw new AppError('ENROLLMENT_NOT_FOUND', 'No such enrollment.');
    if (row.endsOn !== null) {
      throw new AppError('ENROLLMENT_ENDED', `This enrollment already ended on ${row.endsOn}.`);
    }
    if (endsOn < row.startsOn) {
      throw new AppError('RULE_VIOLATION', 'An enrollment cannot end before it starts.', [
        { field: 'endsOn', code: 'before_start', message: `must be on or after ${row.startsOn}` },
      ]);
    }
    const ended = await setClassEnrollmentEnd(tx, row.id, endsOn);
    if (!ended) throw new AppError('ENROLLMENT_NOT_FOUND', 'No such enrollment.');
    await recordAudit(tx, ctx, {
      action: 'class_enrollment.ended',
      entityType: 'class_enrollment',
      entityId: row.id,
      before: { endsOn: null },
      after: { endsOn },
    });
    return toClassEnrollment(ended);
  });
}

/** Removes an enrollment that has not started yet (or starts today); history stays. */
export async function deleteClassEnrollment(
  ctx: TenantContext,
  unverifiedId: string,
): Promise<void> {
  requirePermission(ctx, 'enrollment:manage');
  const on = today(ctx);
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const row = await lockClassEnrollment(tx, unverifiedId);
    if (!row) throw new AppError('ENROLLMENT_NOT_FOUND', 'No such enrollment.');
    if (row.startsOn < on) {
      throw new AppError(
        'ENROLLMENT_STARTED',
        'This enrollment has already started; end it instead, so its history is kept.',
      );
    }
    await deleteClassEnrollmentRow(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'class_enrollment.deleted',
      entityType: 'class_enrollment',
      entityId: row.id,
      before: {
        classId: row.classId,
        studentId: row.studentId,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      },
    });
  });
}

/**
 * The students in a class on a day. Whole-school readers see every class; a teacher sees the
 * classes she teaches (any day, so past rosters stay readable) and 404 for the others.
 */
export async function getClassRoster(
  ctx: TenantContext,
  unverifiedClassId: string,
  query: RosterQuery,
): Promise<Roster> {
  const { actor, scopes } = requirePermission(ctx, 'students:read');
  if (!scopes.includes('all') && !scopes.includes('own-classes')) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
  }
  const on = query.on ?? today(ctx);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string', 'string', 'string']);
  if (after && !UUID_PATTERN.test(String(after[2]))) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
      { field: 'cursor', code: 'invalid', message: 'is not a cursor from this list' },
    ]);
  }
  const { classId, rows } = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const classId = await findVisibleClass(
      tx,
      unverifiedClassId,
      classScopeCondition(actor, scopes, classes.id),
    );
    if (!classId) throw new AppError('CLASS_NOT_FOUND', 'No such class.');
    const rows = await listRoster(tx, {
      classId,
      on,
      limit,
      ...(after
        ? {
            after: {
              lastName: String(after[0]),
              firstName: String(after[1]),
              enrollmentId: String(after[2]),
            },
          }
        : {}),
    });
    return { classId, rows };
  });
  const result = page(rows, limit, (r) => [r.lastName, r.firstName, r.enrollmentId]);
  return { classId, on, items: result.items, nextCursor: result.nextCursor };
}

async function classSummaries(tx: Tx, classIds: string[]): Promise<ClassSummary[]> {
  const ids = [...new Set(classIds)];
  const details = await listClassDetails(tx, ids);
  const teachers = await listClassTeachers(tx, ids);
  return details.map((c) => ({
    id: c.id,
    name: c.name,
    subject: { id: c.subjectId, code: c.subjectCode, name: c.subjectName },
    term: { id: c.termId, name: c.termName, startsOn: c.termStartsOn, endsOn: c.termEndsOn },
    section: c.sectionId ? { id: c.sectionId, name: c.sectionName ?? '' } : null,
    gradeLevel: c.gradeLevelId ? { id: c.gradeLevelId, name: c.gradeLevelName ?? '' } : null,
    room: c.roomId ? { id: c.roomId, name: c.roomName ?? '' } : null,
    teachers: teachers
      .filter((t) => t.classId === c.id)
      .map((t) => ({ id: t.id, firstName: t.firstName, lastName: t.lastName })),
  }));
}

/** Each student's classes on the day, in class order, with the enrollment behind each. */
async function classesOfStudents(
  tx: Tx,
  studentIds: string[],
  on: string,
): Promise<Map<string, StudentClass[]>> {
  const enrollments = await listActiveEnrollments(tx, studentIds, on);
  const summaries = await classSummaries(
    tx,
    enrollments.map((e) => e.classId),
  );
  const result = new Map<string, StudentClass[]>(studentIds.map((id) => [id, []]));
  for (const summary of summaries) {
    for (const e of enrollments) {
      if (e.classId !== summary.id) continue;
      result.get(e.studentId)?.push({
        ...summary,
        enrollment: { id: e.id, startsOn: e.startsOn, endsOn: e.endsOn },
      });
    }
  }
  return result;
}

async function taughtClasses(
  tx: Tx,
  staffId: string,
  when: { termId: string } | { termEndsOnOrAfter: string },
): Promise<ClassSummary[]> {
  return classSummaries(tx, await listTaughtClassIds(tx, staffId, when));
}

export async function listStudentClasses(
  ctx: TenantContext,
  unverifiedStudentId: string,
  query: StudentClassesQuery,
): Promise<StudentClasses> {
  const { actor, scopes } = requirePermission(ctx, 'students:read');
  const on = query.on ?? today(ctx);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const student = await findVisibleStudent(
      tx,
      unverifiedStudentId,
      studentScopeCondition(actor, scopes),
    );
    if (!student) throw new AppError('STUDENT_NOT_FOUND', 'No such student.');
    const items = (await classesOfStudents(tx, [student.id], on)).get(student.id) ?? [];
    return { on, items };
  });
}

/**
 * A staff member's classes: in one term when asked, otherwise those of terms not yet over.
 * Whole-school readers may ask about anyone; others only about their own staff record.
 */
export async function listStaffClasses(
  ctx: TenantContext,
  unverifiedStaffId: string,
  query: StaffClassesQuery,
): Promise<StaffClasses> {
  const { actor, scopes } = requirePermission(ctx, 'academics:read');
  if (!scopes.includes('all') && actor.linkedStaffId !== unverifiedStaffId) {
    throw new AppError('STAFF_NOT_FOUND', 'No such staff member.');
  }
  const when = query.termId ? { termId: query.termId } : { termEndsOnOrAfter: today(ctx) };
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    if (!(await staffExists(tx, unverifiedStaffId))) {
      throw new AppError('STAFF_NOT_FOUND', 'No such staff member.');
    }
    return { items: await taughtClasses(tx, unverifiedStaffId, when) };
  });
}

/** The signed-in person's classes, from the records the account is linked to. */
export async function listMyClasses(ctx: TenantContext): Promise<MyClasses> {
  const { actor } = requirePermission(ctx, 'academics:read');
  const on = today(ctx);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const result: MyClasses = { on, teaching: [], enrolled: [], children: [] };
    if (actor.linkedStaffId) {
      result.teaching = await taughtClasses(tx, actor.linkedStaffId, { termEndsOnOrAfter: on });
    }
    if (actor.linkedStudentId) {
      const own = await classesOfStudents(tx, [actor.linkedStudentId], on);
      result.enrolled = own.get(actor.linkedStudentId) ?? [];
    }
    const childScope = actor.linkedGuardianId ? studentScopeCondition(actor, ['children']) : null;
    if (childScope) {
      const children = await listVisibleStudents(tx, childScope);
      const byChild = await classesOfStudents(
        tx,
        children.map((c) => c.id),
        on,
      );
      result.children = children.map((student) => ({
        student,
        classes: byChild.get(student.id) ?? [],
      }));
    }
    return result;
  });
}
