import type { FastifyInstance } from 'fastify';
import { IdParams, Page } from '../../../shared/contracts/identity.js';
import {
  CreateSchoolBody,
  DeleteSchoolBody,
  MaintenanceBody,
  PlanChangeBody,
  PlanSchema,
  ReasonBody,
  RenameBody,
  SchoolAdminListQuery,
  SchoolAdminSummarySchema,
  SchoolDetailSchema,
  TrialBody,
  type CreateSchoolBody as CreateInput,
} from '../../../shared/contracts/platform.js';
import { platformCtx } from '../../platform/auth/context.js';
import type { PlanLimits } from './schools.table.js';
import {
  changePlan,
  changeTrial,
  createSchoolForCustomer,
  deleteSchool,
  getSchoolDetail,
  listAllPlans,
  listSchools,
  renameSchool,
  setMaintenance,
  transition,
  type LifecycleAction,
  type SchoolListQuery,
} from './lifecycle.service.js';
import { Type } from '@sinclair/typebox';

// The operator console's school administration, on the platform host only.
const operator = { hostKinds: ['platform' as const], access: 'authenticated' as const };

export function registerSchoolAdminRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: SchoolListQuery }>(
    '/api/schools',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Find schools: search, filter by status and plan, sort, keyset pages',
        querystring: SchoolAdminListQuery,
        response: { 200: Page(SchoolAdminSummarySchema) },
      },
    },
    async (request) => listSchools(platformCtx(request), request.query),
  );

  app.post<{ Body: CreateInput }>(
    '/api/schools',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Create a school for a customer and invite its first admin',
        body: CreateSchoolBody,
        response: { 201: SchoolAdminSummarySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSchoolForCustomer(platformCtx(request), request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/schools/:id',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Profile, status history, limits and usage',
        params: IdParams,
        response: { 200: SchoolDetailSchema },
      },
    },
    async (request) => getSchoolDetail(platformCtx(request), request.params.id),
  );

  for (const action of [
    'activate',
    'suspend',
    'reactivate',
    'archive',
    'restore',
  ] as LifecycleAction[]) {
    app.post<{ Params: { id: string }; Body: { reason: string } }>(
      `/api/schools/:id/${action}`,
      {
        config: operator,
        schema: {
          tags: ['schools'],
          summary: `${action[0]?.toUpperCase()}${action.slice(1)} the school`,
          params: IdParams,
          body: ReasonBody,
          response: { 200: SchoolAdminSummarySchema },
        },
      },
      async (request) =>
        transition(platformCtx(request), request.params.id, action, request.body.reason),
    );
  }

  app.post<{ Params: { id: string }; Body: { enabled: boolean; reason: string } }>(
    '/api/schools/:id/maintenance',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Turn maintenance mode on or off',
        params: IdParams,
        body: MaintenanceBody,
        response: { 200: SchoolAdminSummarySchema },
      },
    },
    async (request) =>
      setMaintenance(
        platformCtx(request),
        request.params.id,
        request.body.enabled,
        request.body.reason,
      ),
  );

  app.post<{ Params: { id: string }; Body: { slug: string; reason: string } }>(
    '/api/schools/:id/rename',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: "Change the school's address (the old host stops at once)",
        params: IdParams,
        body: RenameBody,
        response: { 200: SchoolAdminSummarySchema },
      },
    },
    async (request) =>
      renameSchool(platformCtx(request), request.params.id, request.body.slug, request.body.reason),
  );

  app.post<{
    Params: { id: string };
    Body: {
      planId: string;
      limitOverrides?: Partial<PlanLimits>;
      features?: Record<string, boolean>;
      reason: string;
    };
  }>(
    '/api/schools/:id/plan',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Change plan, limit overrides and feature flags',
        params: IdParams,
        body: PlanChangeBody,
        response: { 200: SchoolAdminSummarySchema },
      },
    },
    async (request) => changePlan(platformCtx(request), request.params.id, request.body),
  );

  app.post<{
    Params: { id: string };
    Body: { extendDays?: number; end?: boolean; reason: string };
  }>(
    '/api/schools/:id/trial',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Extend or end a trial',
        params: IdParams,
        body: TrialBody,
        response: { 200: SchoolAdminSummarySchema },
      },
    },
    async (request) => changeTrial(platformCtx(request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: string }; Body: { confirmSlug: string; reason: string } }>(
    '/api/schools/:id',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Delete an archived school for good (type its address to confirm)',
        params: IdParams,
        body: DeleteSchoolBody,
        response: { 200: Type.Object({ deletedRows: Type.Integer() }) },
      },
    },
    async (request) => deleteSchool(platformCtx(request), request.params.id, request.body),
  );

  app.get(
    '/api/plans',
    {
      config: operator,
      schema: {
        tags: ['schools'],
        summary: 'Plans with their limits and features',
        response: { 200: Type.Object({ items: Type.Array(PlanSchema) }) },
      },
    },
    async (request) => ({ items: await listAllPlans(platformCtx(request)) }),
  );
}
