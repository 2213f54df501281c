import type { Tx } from '../../platform/db/database.js';
import type { ErrorDetail } from '../../platform/errors/app-error.js';
import { findStaffMembers } from './academics.repository.js';

/**
 * Problems with staff ids given as teachers (of a class, or a homeroom): each must be an
 * active staff member of this school marked as a teacher. Rows found are key-share locked,
 * so they cannot be deleted before the caller's transaction commits.
 */
export async function teacherProblems(
  tx: Tx,
  field: string,
  unverifiedIds: string[],
): Promise<ErrorDetail[]> {
  const found = await findStaffMembers(tx, unverifiedIds);
  const problems: ErrorDetail[] = [];
  for (const id of unverifiedIds) {
    const member = found.find((m) => m.id === id);
    if (!member) {
      problems.push({ field, code: 'unknown', message: `${id} is not a staff member here` });
    } else if (member.status !== 'active') {
      problems.push({
        field,
        code: 'inactive',
        message: `${member.firstName} ${member.lastName} is no longer an active staff member`,
      });
    } else if (!member.isTeacher) {
      problems.push({
        field,
        code: 'not_a_teacher',
        message: `${member.firstName} ${member.lastName} is not a teacher`,
      });
    }
  }
  return problems;
}
