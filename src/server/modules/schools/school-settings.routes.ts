import type { FastifyInstance } from 'fastify';
import {
  SchoolSettingsSchema,
  UpdateSchoolSettingsBody,
  type SchoolSettings,
} from '../../../shared/contracts/identity.js';
import { tenantCtx } from '../../platform/auth/context.js';
import { getSchoolSettings, updateSchoolSettings } from './school-settings.service.js';

const config = {
  hostKinds: ['tenant' as const, 'custom' as const],
  access: { permission: 'school:manage' as const },
};

export function registerSchoolSettingsRoutes(app: FastifyInstance): void {
  app.get(
    '/api/school/settings',
    {
      config,
      schema: {
        tags: ['school'],
        summary: "The school's settings",
        response: { 200: SchoolSettingsSchema },
      },
    },
    async (request) => getSchoolSettings(tenantCtx(request)),
  );
  app.patch<{ Body: Partial<SchoolSettings> }>(
    '/api/school/settings',
    {
      config,
      schema: {
        tags: ['school'],
        summary: 'Change name, language, time zone or branding',
        body: UpdateSchoolSettingsBody,
        response: { 200: SchoolSettingsSchema },
      },
    },
    async (request) => updateSchoolSettings(tenantCtx(request), request.body),
  );
}
