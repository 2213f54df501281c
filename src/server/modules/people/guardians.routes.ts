import type { FastifyInstance } from 'fastify';
import { IdParams, Page, UserSchema } from '../../../shared/contracts/identity.js';
import {
  CreateGuardianBody,
  GuardianListQuery,
  GuardianSchema,
  GuardianStudentList,
  LinkAccountBody,
  UpdateGuardianBody,
  type CreateGuardianBody as CreateInput,
  type GuardianListQuery as ListInput,
  type LinkAccountBody as AccountInput,
  type UpdateGuardianBody as UpdateInput,
} from '../../../shared/contracts/people.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  createGuardian,
  createGuardianAccount,
  deleteGuardian,
  getGuardian,
  listGuardians,
  updateGuardian,
} from './guardians.service.js';
import { listStudentsOfGuardian } from './student-guardians.service.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };
const tags = ['guardians'];

export function registerGuardianRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: ListInput }>(
    '/api/guardians',
    {
      config: { ...school, access: { permission: 'guardians:read' } },
      schema: {
        tags,
        summary: 'List guardians the actor may see (search by name, email or phone)',
        querystring: GuardianListQuery,
        response: { 200: Page(GuardianSchema) },
      },
    },
    async (request) => listGuardians(tenantCtx(request), request.query),
  );

  app.post<{ Body: CreateInput }>(
    '/api/guardians',
    {
      config: { ...school, access: { permission: 'guardians:manage' } },
      schema: {
        tags,
        summary: 'Add a guardian',
        body: CreateGuardianBody,
        response: { 201: GuardianSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createGuardian(tenantCtx(request), request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/guardians/:id',
    {
      config: { ...school, access: { permission: 'guardians:read' } },
      schema: {
        tags,
        summary: 'One guardian',
        params: IdParams,
        response: { 200: GuardianSchema },
      },
    },
    async (request) => getGuardian(tenantCtx(request), request.params.id),
  );

  // Gated on guardians:read, which everyone who may change a guardian holds; the service
  // then requires guardians:manage, or guardians:update-self for one's own contact fields.
  app.patch<{ Params: { id: string }; Body: UpdateInput }>(
    '/api/guardians/:id',
    {
      config: { ...school, access: { permission: 'guardians:read' } },
      schema: {
        tags,
        summary: 'Change a guardian (a guardian: own email, phone and address only)',
        params: IdParams,
        body: UpdateGuardianBody,
        response: { 200: GuardianSchema },
      },
    },
    async (request) => updateGuardian(tenantCtx(request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/guardians/:id',
    {
      config: { ...school, access: { permission: 'guardians:manage' } },
      schema: {
        tags,
        summary: 'Delete a guardian with no student links and no account (409 IN_USE otherwise)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await deleteGuardian(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/guardians/:id/students',
    {
      config: { ...school, access: { permission: 'guardians:read' } },
      schema: {
        tags,
        summary: "The guardian's students the actor may see, with the link flags",
        params: IdParams,
        response: { 200: GuardianStudentList },
      },
    },
    async (request) => listStudentsOfGuardian(tenantCtx(request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: AccountInput }>(
    '/api/guardians/:id/account',
    {
      config: { ...school, access: { permission: 'guardians:manage' } },
      schema: {
        tags,
        summary: 'Give the guardian an account: an invited user with the guardian role',
        params: IdParams,
        body: LinkAccountBody,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createGuardianAccount(tenantCtx(request), request.params.id, request.body)),
  );
}
