import type { User } from '../../../shared/contracts/identity.js';
import type { LinkAccountBody } from '../../../shared/contracts/people.js';
import type { BuiltInRole } from '../../../shared/permissions.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { assertCanAddUsers } from '../schools/limits.js';
import { findUserByEmail, insertUser } from '../users/users.repository.js';
import { issueInvitation, normaliseEmail, toUser } from '../users/users.service.js';

// Giving a student, guardian or staff member a school account: an invited user whose
// users.linked_*_id points at the record, so sessions start their relationship scopes there.

export type PersonKind = 'student' | 'guardian' | 'staff';

export interface PersonForAccount {
  id: string;
  firstName: string;
  lastName: string;
  userId: string | null;
}

const LINK_COLUMN = {
  student: 'linkedStudentId',
  guardian: 'linkedGuardianId',
  staff: 'linkedStaffId',
} as const;

const LINK_INDEX = {
  student: 'users_linked_student_key',
  guardian: 'users_linked_guardian_key',
  staff: 'users_linked_staff_key',
} as const;

function alreadyLinked(kind: PersonKind): AppError {
  const who = kind === 'staff' ? 'staff member' : kind;
  return new AppError('ACCOUNT_ALREADY_LINKED', `This ${who} already has an account.`);
}

function emailTaken(): AppError {
  return new AppError('EMAIL_TAKEN', 'Someone in this school already uses this email.', [
    { field: 'email', code: 'taken', message: 'is already used in this school' },
  ]);
}

/**
 * Creates the invited account and queues its invitation inside one transaction, then sends
 * the mail after commit. `load` runs first in that transaction and throws when the record is
 * missing; the caller has checked the permission.
 */
export async function createPersonAccount<P extends PersonForAccount>(
  ctx: TenantContext,
  spec: {
    kind: PersonKind;
    load: (tx: Tx) => Promise<P>;
    roles: (person: P) => BuiltInRole[];
  },
  input: LinkAccountBody,
): Promise<User> {
  const email = normaliseEmail(input.email);
  const { user, mailId } = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const person = await spec.load(tx);
      if (person.userId) throw alreadyLinked(spec.kind);
      if (await findUserByEmail(tx, email)) throw emailTaken();
      await assertCanAddUsers(ctx, tx);
      const roles = spec.roles(person);
      const row = await insertUser(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        email,
        name: input.name?.trim() || `${person.firstName} ${person.lastName}`,
        status: 'invited',
        roles,
        [LINK_COLUMN[spec.kind]]: person.id,
      });
      const mailId = await issueInvitation(ctx, tx, row);
      await recordAudit(tx, ctx, {
        action: 'user.invited',
        entityType: 'user',
        entityId: row.id,
        after: { email, name: row.name, roles, [LINK_COLUMN[spec.kind]]: person.id },
      });
      await recordAudit(tx, ctx, {
        action: `${spec.kind}.account_linked`,
        entityType: spec.kind,
        entityId: person.id,
        after: { userId: row.id, email },
      });
      return { user: row, mailId };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'users_school_email_key')) throw emailTaken();
      if (isUniqueViolation(error, LINK_INDEX[spec.kind])) throw alreadyLinked(spec.kind);
      throw error;
    });
  await ctx.services.mailer.deliver(ctx.schoolId, [mailId]);
  return toUser({ ...user, customRoleIds: [] });
}
