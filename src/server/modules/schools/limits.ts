import { eq, inArray, sql } from 'drizzle-orm';
import type { TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { staff, students } from '../people/people.table.js';
import { users } from '../users/users.table.js';

// Plan limits are enforced where limited records are created, inside the creating
// transaction, with one error code the web app and API clients can rely on.

function limitReached(what: string, limit: number): AppError {
  return new AppError(
    'PLAN_LIMIT_REACHED',
    `This school's plan allows ${limit} ${what}. Ask the platform team about a larger plan.`,
    [{ field: what, code: 'plan_limit', message: `limit is ${limit}` }],
  );
}

/** Storage is measured periodically; writes stop once the last figure is over the limit. */
export function assertStorageAvailable(ctx: TenantContext): void {
  const limitMb = ctx.school.limits.maxStorageMb;
  if (ctx.school.storageBytes >= limitMb * 1_048_576) throw limitReached('MB of storage', limitMb);
}

export async function assertCanAddUsers(ctx: TenantContext, tx: Tx, adding = 1): Promise<void> {
  assertStorageAvailable(ctx);
  const limit = ctx.school.limits.maxUsers;
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.status} <> 'disabled'`);
  if ((rows[0]?.n ?? 0) + adding > limit) throw limitReached('user accounts', limit);
}

/** Students count against the plan while they may attend: applicants, enrolled, suspended. */
export async function assertCanAddStudents(ctx: TenantContext, tx: Tx, adding = 1): Promise<void> {
  assertStorageAvailable(ctx);
  const limit = ctx.school.limits.maxStudents;
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(students)
    .where(inArray(students.status, ['applicant', 'enrolled', 'suspended']));
  if ((rows[0]?.n ?? 0) + adding > limit) throw limitReached('students', limit);
}

/** Archived staff do not count against the plan. */
export async function assertCanAddStaff(ctx: TenantContext, tx: Tx, adding = 1): Promise<void> {
  assertStorageAvailable(ctx);
  const limit = ctx.school.limits.maxStaff;
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(staff)
    .where(eq(staff.status, 'active'));
  if ((rows[0]?.n ?? 0) + adding > limit) throw limitReached('staff members', limit);
}
