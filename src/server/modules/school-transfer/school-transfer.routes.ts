import type { FastifyInstance, FastifyReply } from 'fastify';
import { IdParams } from '../../../shared/contracts/identity.js';
import { platformCtx, tenantCtx } from '../../platform/auth/context.js';
import {
  exportOwnSchool,
  exportSchoolForOperator,
  type SchoolArchive,
} from './school-export.service.js';

const platform = { hostKinds: ['platform' as const] };
const school = { hostKinds: ['tenant' as const, 'custom' as const] };

function sendArchive(reply: FastifyReply, archive: SchoolArchive) {
  return reply
    .type('application/gzip')
    .header('content-disposition', `attachment; filename="${archive.fileName}"`)
    .send(archive.stream);
}

export function registerSchoolTransferRoutes(app: FastifyInstance): void {
  app.get<{ Params: { id: string } }>(
    '/api/schools/:id/export',
    {
      config: { ...platform, access: 'authenticated' },
      schema: {
        tags: ['operators'],
        summary: 'Download a school as an archive (gzipped tar of its tables)',
        params: IdParams,
      },
    },
    async (request, reply) =>
      sendArchive(reply, await exportSchoolForOperator(platformCtx(request), request.params.id)),
  );

  app.get(
    '/api/school/export',
    {
      config: { ...school, access: { permission: 'exports:manage' } },
      schema: {
        tags: ['school'],
        summary: "Download this school's data as an archive (gzipped tar of its tables)",
      },
    },
    async (request, reply) => sendArchive(reply, await exportOwnSchool(tenantCtx(request))),
  );
}
