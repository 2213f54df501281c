import type { Tx } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { TenantContext } from '../auth/context.js';
import { auditEvents } from './audit-events.table.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** For events without a signed-in actor (a sign-in attempt, an accepted invitation). */
  actorUserId?: string | null;
  actorOperatorId?: string | null;
}

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'token', 'tokenHash', 'totpSecret']);

function scrub(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const clean: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    clean[key] = SECRET_FIELDS.has(key) ? '[redacted]' : v;
  return clean;
}

/** Only the fields that changed, as { before, after }. */
export function changes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/**
 * Appends to the school's audit trail inside the mutation's own transaction, so the change
 * and its record commit or roll back together. The table is append-only for the app role.
 */
export async function recordAudit(
  tx: Tx,
  ctx: Pick<TenantContext, 'schoolId' | 'actor' | 'requestId'>,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditEvents).values({
    schoolId: ctx.schoolId,
    id: newId(),
    actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (ctx.actor?.userId ?? null),
    actorOperatorId:
      entry.actorOperatorId !== undefined ? entry.actorOperatorId : (ctx.actor?.operatorId ?? null),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
    requestId: ctx.requestId,
  });
}

/** Records `<entity>.updated` with only the changed fields, and nothing when nothing changed. */
export async function recordUpdate(
  tx: Tx,
  ctx: Pick<TenantContext, 'schoolId' | 'actor' | 'requestId'>,
  entityType: string,
  entityId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> {
  const diff = changes(before, after);
  if (Object.keys(diff.after).length === 0) return;
  await recordAudit(tx, ctx, { action: `${entityType}.updated`, entityType, entityId, ...diff });
}
