import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type {
  AuditEvent,
  AuditListQuery,
  OutboxMessage,
} from '../../../shared/contracts/identity.js';
import { auditEvents } from '../../platform/audit/audit-events.table.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { mailOutbox } from '../mail/mail.table.js';
import { users } from '../users/users.table.js';

export async function listAuditEvents(ctx: TenantContext, query: AuditListQuery) {
  requirePermission(ctx, 'audit:read');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const conditions: SQL[] = [];
  if (after) {
    const at = new Date(String(after[0]));
    const older = or(
      lt(auditEvents.at, at),
      and(eq(auditEvents.at, at), lt(auditEvents.id, String(after[1]))),
    );
    if (older) conditions.push(older);
  }
  if (query.action) conditions.push(eq(auditEvents.action, query.action));
  if (query.entityType) conditions.push(eq(auditEvents.entityType, query.entityType));
  if (query.actorUserId) conditions.push(eq(auditEvents.actorUserId, query.actorUserId));
  if (query.from) conditions.push(gte(auditEvents.at, new Date(query.from)));
  if (query.to) conditions.push(lte(auditEvents.at, new Date(query.to)));
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    tx
      .select({ event: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(
        users,
        and(eq(users.schoolId, auditEvents.schoolId), eq(users.id, auditEvents.actorUserId)),
      )
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit + 1),
  );
  const result = page(rows, limit, (r) => [r.event.at.toISOString(), r.event.id]);
  const items: AuditEvent[] = result.items.map(({ event, actorName }) => ({
    id: event.id,
    at: event.at.toISOString(),
    actorUserId: event.actorUserId,
    actorName,
    actorOperatorId: event.actorOperatorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
  }));
  return { items, nextCursor: result.nextCursor };
}

export async function listOutbox(ctx: TenantContext, query: { limit?: number; cursor?: string }) {
  requirePermission(ctx, 'mail-outbox:read');
  // Kept mail holds one-time links, so it is readable only where no mail server is configured.
  if (!ctx.services.config.mail.outboxVisible)
    throw new AppError('NOT_FOUND', 'The outbox is not available.');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) => {
    const at = after ? new Date(String(after[0])) : null;
    const older = at
      ? or(
          lt(mailOutbox.createdAt, at),
          and(eq(mailOutbox.createdAt, at), lt(mailOutbox.id, String(after?.[1]))),
        )
      : undefined;
    return tx
      .select()
      .from(mailOutbox)
      .where(older)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(limit + 1);
  });
  const result = page(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  const items: OutboxMessage[] = result.items.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    text: r.bodyText,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
  return { items, nextCursor: result.nextCursor };
}
