import type { FastifyInstance } from 'fastify';
import { schoolNotFound } from '../../platform/errors/app-error.js';
import { toPublicProfile } from '../../platform/tenancy/tenant-record.js';
import { PublicSchoolProfileSchema } from './school-profile.schemas.js';

export function registerSchoolProfileRoutes(app: FastifyInstance): void {
  app.get(
    '/api/school',
    {
      config: { hostKinds: ['tenant', 'custom'], access: 'public' },
      schema: {
        summary: "The school's public profile, resolved from the host",
        tags: ['school'],
        response: { 200: PublicSchoolProfileSchema },
      },
    },
    async (request) => {
      if (!request.tenant) throw schoolNotFound();
      return toPublicProfile(request.tenant);
    },
  );
}
