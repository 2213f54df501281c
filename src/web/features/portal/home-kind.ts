// Which home page an account lands on. Students and guardians get their own home built from
// the teaching records; anyone who also works at the school (a built-in staff role, or a
// school-defined role, which is always a set of staff permissions) keeps the staff dashboard,
// because GET /api/students then answers with more than her own children.

export type HomeKind = 'student' | 'guardian' | 'staff';

const WORKING_ROLES = new Set(['admin', 'teacher', 'staff', 'accountant']);

export function homeKind(roles: readonly string[], customRoleCount = 0): HomeKind {
  if (customRoleCount > 0 || roles.some((role) => WORKING_ROLES.has(role))) return 'staff';
  if (roles.includes('student')) return 'student';
  if (roles.includes('guardian')) return 'guardian';
  return 'staff';
}
