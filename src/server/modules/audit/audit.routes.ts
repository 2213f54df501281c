import type { FastifyInstance } from 'fastify';
import {
  AuditEventSchema,
  AuditListQuery,
  ListQuery,
  OutboxMessageSchema,
  Page,
  type AuditListQuery as AuditQuery,
} from '../../../shared/contracts/identity.js';
import { tenantCtx } from '../../platform/auth/context.js';
import { listAuditEvents, listOutbox } from './audit.service.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };

export function registerAuditRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: AuditQuery }>(
    '/api/audit-events',
    {
      config: { ...school, access: { permission: 'audit:read' } },
      schema: {
        tags: ['audit'],
        summary: "The school's audit trail, newest first",
        querystring: AuditListQuery,
        response: { 200: Page(AuditEventSchema) },
      },
    },
    async (request) => listAuditEvents(tenantCtx(request), request.query),
  );
  app.get<{ Querystring: { limit?: number; cursor?: string } }>(
    '/api/outbox',
    {
      config: { ...school, access: { permission: 'mail-outbox:read' } },
      schema: {
        tags: ['audit'],
        summary: 'Mail kept by the school when no mail server is configured',
        querystring: ListQuery,
        response: { 200: Page(OutboxMessageSchema) },
      },
    },
    async (request) => listOutbox(tenantCtx(request), request.query),
  );
}
