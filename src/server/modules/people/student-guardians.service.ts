import type {
  GuardianStudent,
  StudentGuardian,
  StudentGuardianBody,
} from '../../../shared/contracts/people.js';
import { changes, recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { guardianScopeCondition } from './guardian-scope.js';
import { findGuardian } from './guardians.repository.js';
import { guardianNotFound, toGuardian } from './guardians.service.js';
import { studentScopeCondition } from './scope.js';
import {
  clearOtherPrimaries,
  deleteLink,
  findLink,
  insertLink,
  listGuardiansOfStudent as listGuardianRows,
  listStudentsOfGuardian as listStudentRows,
  updateLink,
  type LinkFlags,
  type StudentGuardianRecord,
} from './student-guardians.repository.js';
import { findStudent } from './students.repository.js';
import { studentNotFound, toStudent } from './students.service.js';

// Links between a student and a guardian carry the per-student flags. One primary contact per
// student: making a guardian primary clears the flag on the student's other links.

const DEFAULT_FLAGS: LinkFlags = {
  relationship: 'guardian',
  isPrimary: false,
  portalAccess: true,
  pickupAllowed: true,
  noContact: false,
};

function linkNotFound(): AppError {
  return new AppError('NOT_FOUND', 'This guardian is not linked to this student.');
}

function linkFields(link: StudentGuardianRecord) {
  return {
    studentId: link.studentId,
    guardianId: link.guardianId,
    relationship: link.relationship,
    isPrimary: link.isPrimary,
    portalAccess: link.portalAccess,
    pickupAllowed: link.pickupAllowed,
    noContact: link.noContact,
  };
}

function flagsOf(link: StudentGuardianRecord): LinkFlags {
  const { relationship, isPrimary, portalAccess, pickupAllowed, noContact } = link;
  return { relationship, isPrimary, portalAccess, pickupAllowed, noContact };
}

/** The student's guardians, as far as the actor may see both the student and each guardian. */
export async function listGuardiansOfStudent(
  ctx: TenantContext,
  unverifiedStudentId: string,
): Promise<{ items: StudentGuardian[] }> {
  const guardianRead = requirePermission(ctx, 'guardians:read');
  const studentRead = requirePermission(ctx, 'students:read');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const student = await findStudent(
      tx,
      unverifiedStudentId,
      studentScopeCondition(studentRead.actor, studentRead.scopes),
    );
    if (!student) throw studentNotFound();
    return listGuardianRows(
      tx,
      student.id,
      guardianScopeCondition(guardianRead.actor, guardianRead.scopes),
    );
  });
  return {
    items: rows.map((r) => ({ ...linkFields(r.link), guardian: toGuardian(r.guardian) })),
  };
}

/** The guardian's students, as far as the actor may see the guardian and each student. */
export async function listStudentsOfGuardian(
  ctx: TenantContext,
  unverifiedGuardianId: string,
): Promise<{ items: GuardianStudent[] }> {
  const guardianRead = requirePermission(ctx, 'guardians:read');
  const studentRead = requirePermission(ctx, 'students:read');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const guardian = await findGuardian(
      tx,
      unverifiedGuardianId,
      guardianScopeCondition(guardianRead.actor, guardianRead.scopes),
    );
    if (!guardian) throw guardianNotFound();
    return listStudentRows(
      tx,
      guardian.id,
      studentScopeCondition(studentRead.actor, studentRead.scopes),
    );
  });
  return { items: rows.map((r) => ({ ...linkFields(r.link), student: toStudent(r.student) })) };
}

/** Links a guardian to a student, or changes the flags of an existing link. */
export async function linkGuardian(
  ctx: TenantContext,
  unverifiedStudentId: string,
  unverifiedGuardianId: string,
  input: StudentGuardianBody,
): Promise<{ created: boolean; link: StudentGuardian }> {
  const { actor, scopes } = requirePermission(ctx, 'students:manage');
  const scope = studentScopeCondition(actor, scopes);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    // The student row lock serialises link changes per student, so two requests cannot
    // leave two primary contacts.
    const student = await findStudent(tx, unverifiedStudentId, scope, { lock: true });
    if (!student) throw studentNotFound();
    const guardian = await findGuardian(tx, unverifiedGuardianId, null);
    if (!guardian) throw guardianNotFound();
    const existing = await findLink(tx, student.id, guardian.id);
    const flags: LinkFlags = { ...(existing ? flagsOf(existing) : DEFAULT_FLAGS) };
    if (input.relationship !== undefined) flags.relationship = input.relationship.trim();
    if (input.isPrimary !== undefined) flags.isPrimary = input.isPrimary;
    if (input.portalAccess !== undefined) flags.portalAccess = input.portalAccess;
    if (input.pickupAllowed !== undefined) flags.pickupAllowed = input.pickupAllowed;
    if (input.noContact !== undefined) flags.noContact = input.noContact;
    const clearedPrimary = flags.isPrimary
      ? await clearOtherPrimaries(tx, student.id, guardian.id)
      : [];
    const link = existing
      ? await updateLink(tx, student.id, guardian.id, flags)
      : await insertLink(tx, {
          schoolId: ctx.schoolId,
          studentId: student.id,
          guardianId: guardian.id,
          ...flags,
        });
    if (!link) throw linkNotFound();
    const diff = existing
      ? changes(flagsOf(existing), flagsOf(link))
      : { before: null, after: flagsOf(link) };
    if (!existing || Object.keys(diff.after).length > 0 || clearedPrimary.length > 0) {
      await recordAudit(tx, ctx, {
        action: existing ? 'student_guardian.updated' : 'student_guardian.linked',
        entityType: 'student_guardian',
        entityId: `${student.id}:${guardian.id}`,
        before: diff.before,
        after: {
          studentId: student.id,
          guardianId: guardian.id,
          ...diff.after,
          ...(clearedPrimary.length > 0 ? { primaryClearedFor: clearedPrimary } : {}),
        },
      });
    }
    return { created: !existing, link: { ...linkFields(link), guardian: toGuardian(guardian) } };
  });
}

export async function unlinkGuardian(
  ctx: TenantContext,
  unverifiedStudentId: string,
  unverifiedGuardianId: string,
): Promise<void> {
  const { actor, scopes } = requirePermission(ctx, 'students:manage');
  const scope = studentScopeCondition(actor, scopes);
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const student = await findStudent(tx, unverifiedStudentId, scope, { lock: true });
    if (!student) throw studentNotFound();
    const removed = await deleteLink(tx, student.id, unverifiedGuardianId);
    if (!removed) throw linkNotFound();
    await recordAudit(tx, ctx, {
      action: 'student_guardian.unlinked',
      entityType: 'student_guardian',
      entityId: `${student.id}:${removed.guardianId}`,
      before: linkFields(removed),
    });
  });
}
