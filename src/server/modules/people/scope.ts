import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../../shared/permissions.js';
import type { Actor } from '../../platform/auth/context.js';
import { classTeachers, sections } from '../academics/academics.table.js';
import { classEnrollments } from '../enrollment/enrollment.table.js';
import { studentGuardians, students } from './people.table.js';

// Relationship scopes as SQL, applied by services on top of the permission check:
//   own-classes  students enrolled (now) in a class the teacher teaches, or in her homeroom
//   children     students linked to the guardian, where the school allows portal access
//   self         the student's own record
// Returns null when the actor sees every student of the school.

export function studentScopeCondition(actor: Actor, scopes: readonly Scope[]): SQL | null {
  if (scopes.includes('all')) return null;
  const parts: SQL[] = [];
  if (scopes.includes('self') && actor.linkedStudentId) {
    parts.push(sql`${students.id} = ${actor.linkedStudentId}`);
  }
  if (scopes.includes('children') && actor.linkedGuardianId) {
    parts.push(sql`exists (
      select 1 from ${studentGuardians} sg
       where sg.school_id = ${students.schoolId} and sg.student_id = ${students.id}
         and sg.guardian_id = ${actor.linkedGuardianId} and sg.portal_access)`);
  }
  if (scopes.includes('own-classes') && actor.linkedStaffId) {
    parts.push(sql`exists (
      select 1 from ${classEnrollments} ce
        join ${classTeachers} ct on ct.school_id = ce.school_id and ct.class_id = ce.class_id
       where ce.school_id = ${students.schoolId} and ce.student_id = ${students.id}
         and ct.staff_id = ${actor.linkedStaffId}
         and (ce.ends_on is null or ce.ends_on >= current_date))`);
    parts.push(sql`exists (
      select 1 from ${sections} hs
       where hs.school_id = ${students.schoolId} and hs.id = ${students.sectionId}
         and hs.homeroom_teacher_id = ${actor.linkedStaffId})`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Classes a teacher teaches (for 'own-classes'); null when the actor sees every class. */
export function classScopeCondition(
  actor: Actor,
  scopes: readonly Scope[],
  classIdColumn: SQL | unknown,
): SQL | null {
  if (scopes.includes('all')) return null;
  if (!scopes.includes('own-classes') || !actor.linkedStaffId) return sql`false`;
  return sql`exists (select 1 from ${classTeachers} ct
    where ct.class_id = ${classIdColumn} and ct.staff_id = ${actor.linkedStaffId})`;
}
