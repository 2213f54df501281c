import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../../shared/permissions.js';
import type { Actor } from '../../platform/auth/context.js';
import { guardians, studentGuardians, students } from './people.table.js';
import { studentScopeCondition } from './scope.js';

// Which guardian records an actor may read (guardians:read), as SQL over `guardians`:
//   own-classes  guardians of the students the teacher may read (scope.ts)
//   self         a guardian's own record; for a student, the guardians linked to her
// Returns null when the actor sees every guardian of the school.

export function guardianScopeCondition(actor: Actor, scopes: readonly Scope[]): SQL | null {
  if (scopes.includes('all')) return null;
  const parts: SQL[] = [];
  if (scopes.includes('self') && actor.linkedGuardianId) {
    parts.push(sql`${guardians.id} = ${actor.linkedGuardianId}`);
  }
  if (scopes.includes('self') && actor.linkedStudentId) {
    parts.push(sql`exists (
      select 1 from ${studentGuardians} own
       where own.school_id = ${guardians.schoolId} and own.guardian_id = ${guardians.id}
         and own.student_id = ${actor.linkedStudentId})`);
  }
  if (scopes.includes('own-classes')) {
    const taught = studentScopeCondition(actor, ['own-classes']);
    if (taught) {
      parts.push(sql`exists (
        select 1 from ${studentGuardians} taught_link
          join ${students} on ${students.schoolId} = taught_link.school_id
                          and ${students.id} = taught_link.student_id
         where taught_link.school_id = ${guardians.schoolId}
           and taught_link.guardian_id = ${guardians.id} and ${taught})`);
    }
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
