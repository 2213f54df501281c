import type { User } from '../../../shared/contracts/identity.js';
import type {
  CreateGuardianBody,
  Guardian,
  GuardianListQuery,
  LinkAccountBody,
  UpdateGuardianBody,
} from '../../../shared/contracts/people.js';
import { changes, recordAudit } from '../../platform/audit/audit.js';
import {
  hasPermission,
  requireActor,
  requirePermission,
  type TenantContext,
} from '../../platform/auth/context.js';
import { isForeignKeyViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { normaliseEmail } from '../users/users.service.js';
import { guardianScopeCondition } from './guardian-scope.js';
import {
  countStudentsOfGuardian,
  deleteGuardian as deleteGuardianRow,
  findGuardian,
  guardianKeyOf,
  insertGuardian,
  listGuardians as listGuardianRows,
  updateGuardian as updateGuardianRow,
  type GuardianRecord,
  type GuardianRow,
} from './guardians.repository.js';
import { createPersonAccount } from './person-accounts.js';

export function toGuardian(row: GuardianRow): Guardian {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    address: row.address,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function guardianNotFound(): AppError {
  return new AppError('GUARDIAN_NOT_FOUND', 'No such guardian.');
}

function auditFields(row: GuardianRecord): Record<string, unknown> {
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    address: row.address,
  };
}

const blankToNull = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim() : null;

/** The fields a guardian may change on their own record with `guardians:update-self`. */
const CONTACT_FIELDS = new Set(['email', 'phone', 'address']);

export async function listGuardians(ctx: TenantContext, query: GuardianListQuery) {
  const { actor, scopes } = requirePermission(ctx, 'guardians:read');
  const limit = query.limit ?? 50;
  const order = query.order ?? 'asc';
  const after = decodeCursor(query.cursor, ['string', 'string', 'string']);
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listGuardianRows(tx, {
      scope: guardianScopeCondition(actor, scopes),
      limit,
      order,
      ...(after ? { after: after.map(String) } : {}),
      ...(query.q?.trim() ? { q: query.q } : {}),
    }),
  );
  const result = page(rows, limit, guardianKeyOf);
  return { items: result.items.map(toGuardian), nextCursor: result.nextCursor };
}

export async function getGuardian(ctx: TenantContext, unverifiedId: string): Promise<Guardian> {
  const { actor, scopes } = requirePermission(ctx, 'guardians:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findGuardian(tx, unverifiedId, guardianScopeCondition(actor, scopes)),
  );
  if (!row) throw guardianNotFound();
  return toGuardian(row);
}

export async function createGuardian(
  ctx: TenantContext,
  input: CreateGuardianBody,
): Promise<Guardian> {
  requirePermission(ctx, 'guardians:manage');
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const inserted = await insertGuardian(tx, {
      schoolId: ctx.schoolId,
      id: newId(),
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      email: input.email ? normaliseEmail(input.email) : null,
      phone: blankToNull(input.phone),
      address: blankToNull(input.address),
    });
    await recordAudit(tx, ctx, {
      action: 'guardian.created',
      entityType: 'guardian',
      entityId: inserted.id,
      after: auditFields(inserted),
    });
    return inserted;
  });
  return toGuardian({ ...row, userId: null });
}

/**
 * Staff with `guardians:manage` change any field of any guardian. A guardian holding
 * `guardians:update-self` changes the contact fields of their own record only; any other
 * guardian answers 404 to them, as it does for reading.
 */
export async function updateGuardian(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateGuardianBody,
): Promise<Guardian> {
  const actor = requireActor(ctx);
  const manages = hasPermission(actor, 'guardians:manage');
  if (!manages) {
    requirePermission(ctx, 'guardians:update-self');
    if (unverifiedId !== actor.linkedGuardianId) throw guardianNotFound();
    const refused = Object.keys(input).filter((key) => !CONTACT_FIELDS.has(key));
    if (refused.length > 0) {
      throw new AppError(
        'FORBIDDEN',
        'You may change only your email, phone and address.',
        refused.map((field) => ({ field, code: 'forbidden', message: 'is not yours to change' })),
      );
    }
  }
  const row = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const before = await findGuardian(tx, unverifiedId, null);
    if (!before) throw guardianNotFound();
    const fields: Parameters<typeof updateGuardianRow>[2] = {};
    if (input.firstName !== undefined) fields.firstName = input.firstName.trim();
    if (input.lastName !== undefined) fields.lastName = input.lastName.trim();
    if (input.email !== undefined) fields.email = input.email ? normaliseEmail(input.email) : null;
    if (input.phone !== undefined) fields.phone = blankToNull(input.phone);
    if (input.address !== undefined) fields.address = blankToNull(input.address);
    const updated = await updateGuardianRow(tx, before.id, fields);
    if (!updated) throw guardianNotFound();
    const diff = changes(auditFields(before), auditFields(updated));
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(tx, ctx, {
        action: manages ? 'guardian.updated' : 'guardian.contact_updated',
        entityType: 'guardian',
        entityId: updated.id,
        ...diff,
      });
    }
    return { ...updated, userId: before.userId };
  });
  return toGuardian(row);
}

/** Refused while the guardian is linked to students or has an account: unlink first. */
export async function deleteGuardian(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'guardians:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const guardian = await findGuardian(tx, unverifiedId, null);
      if (!guardian) throw guardianNotFound();
      const students = await countStudentsOfGuardian(tx, guardian.id);
      const reasons: string[] = [];
      if (students > 0) reasons.push(`is linked to ${students} student(s)`);
      if (guardian.userId) reasons.push('has a linked account');
      if (reasons.length > 0) {
        throw new AppError(
          'IN_USE',
          `This guardian ${reasons.join(' and ')}; remove those links first.`,
          reasons.map((message) => ({ field: 'id', code: 'in_use', message })),
        );
      }
      await deleteGuardianRow(tx, guardian.id);
      await recordAudit(tx, ctx, {
        action: 'guardian.deleted',
        entityType: 'guardian',
        entityId: guardian.id,
        before: auditFields(guardian),
      });
    })
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error)) {
        throw new AppError('IN_USE', 'Other records refer to this guardian.');
      }
      throw error;
    });
}

export async function createGuardianAccount(
  ctx: TenantContext,
  unverifiedId: string,
  input: LinkAccountBody,
): Promise<User> {
  requirePermission(ctx, 'guardians:manage');
  return createPersonAccount(
    ctx,
    {
      kind: 'guardian',
      async load(tx) {
        const guardian = await findGuardian(tx, unverifiedId, null);
        if (!guardian) throw guardianNotFound();
        return guardian;
      },
      roles: () => ['guardian'],
    },
    input,
  );
}
