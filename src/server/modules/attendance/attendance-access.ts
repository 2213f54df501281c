import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../../shared/permissions.js';
import type { Actor } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { classTeachers, sections } from '../academics/academics.table.js';
import { teachesClass, type SectionInfo } from './attendance.repository.js';
import { attendanceRegisters } from './attendance.table.js';

// Who may read or record which register. With 'all' (admins, staff) every register of the
// school; with 'own-classes' (teachers) the registers of classes she teaches (class_teachers)
// and the daily registers of sections whose homeroom teacher she is. Students and guardians
// never open a register: they read marks through a student's attendance.

export type RegisterOwner =
  { kind: 'class'; classId: string } | { kind: 'daily'; section: SectionInfo };

export async function coversRegister(
  tx: Tx,
  actor: Actor,
  scopes: readonly Scope[] | undefined,
  owner: RegisterOwner,
): Promise<boolean> {
  if (!scopes || scopes.length === 0) return false;
  if (scopes.includes('all')) return true;
  if (!scopes.includes('own-classes') || !actor.linkedStaffId) return false;
  if (owner.kind === 'daily') return owner.section.homeroomTeacherId === actor.linkedStaffId;
  return teachesClass(tx, owner.classId, actor.linkedStaffId);
}

/**
 * Registers a teacher's 'own-classes' scope reaches, as a condition on attendance_registers;
 * null when the scopes reach every register.
 */
export function registerScopeCondition(actor: Actor, scopes: readonly Scope[]): SQL | null {
  if (scopes.includes('all')) return null;
  if (!scopes.includes('own-classes') || !actor.linkedStaffId) return sql`false`;
  return sql`((${attendanceRegisters.kind} = 'class' and exists (
      select 1 from ${classTeachers} ct
       where ct.school_id = ${attendanceRegisters.schoolId}
         and ct.class_id = ${attendanceRegisters.classId}
         and ct.staff_id = ${actor.linkedStaffId}))
    or (${attendanceRegisters.kind} = 'daily' and exists (
      select 1 from ${sections} hs
       where hs.school_id = ${attendanceRegisters.schoolId}
         and hs.id = ${attendanceRegisters.sectionId}
         and hs.homeroom_teacher_id = ${actor.linkedStaffId})))`;
}

/** Whether the actor reads registers as a whole-school or class reader (not self/children). */
export function readsRegisters(scopes: readonly Scope[]): boolean {
  return scopes.includes('all') || scopes.includes('own-classes');
}
