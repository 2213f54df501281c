import type { FastifyInstance } from 'fastify';
import { IdParams, Page, UserSchema } from '../../../shared/contracts/identity.js';
import {
  CreateStaffBody,
  LinkAccountBody,
  StaffListQuery,
  StaffSchema,
  UpdateStaffBody,
  type CreateStaffBody as CreateInput,
  type LinkAccountBody as AccountInput,
  type StaffListQuery as ListInput,
  type UpdateStaffBody as UpdateInput,
} from '../../../shared/contracts/people.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  createStaff,
  createStaffAccount,
  deleteStaff,
  getStaff,
  listStaff,
  setStaffStatus,
  updateStaff,
} from './staff.service.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };
const tags = ['staff'];

export function registerStaffRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: ListInput }>(
    '/api/staff',
    {
      config: { ...school, access: { permission: 'staff:read' } },
      schema: {
        tags,
        summary: 'The staff directory (search, filters, keyset pages)',
        querystring: StaffListQuery,
        response: { 200: Page(StaffSchema) },
      },
    },
    async (request) => listStaff(tenantCtx(request), request.query),
  );

  app.post<{ Body: CreateInput }>(
    '/api/staff',
    {
      config: { ...school, access: { permission: 'staff:manage' } },
      schema: {
        tags,
        summary: "Add a staff member (counts against the plan's staff limit)",
        body: CreateStaffBody,
        response: { 201: StaffSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createStaff(tenantCtx(request), request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/staff/:id',
    {
      config: { ...school, access: { permission: 'staff:read' } },
      schema: {
        tags,
        summary: 'One staff member',
        params: IdParams,
        response: { 200: StaffSchema },
      },
    },
    async (request) => getStaff(tenantCtx(request), request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: UpdateInput }>(
    '/api/staff/:id',
    {
      config: { ...school, access: { permission: 'staff:manage' } },
      schema: {
        tags,
        summary: 'Change a staff record',
        params: IdParams,
        body: UpdateStaffBody,
        response: { 200: StaffSchema },
      },
    },
    async (request) => updateStaff(tenantCtx(request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/staff/:id',
    {
      config: { ...school, access: { permission: 'staff:manage' } },
      schema: {
        tags,
        summary: 'Delete a record nobody refers to (409 IN_USE otherwise: archive instead)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await deleteStaff(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/staff/:id/archive',
    {
      config: { ...school, access: { permission: 'staff:manage' } },
      schema: {
        tags,
        summary: 'Archive a staff member who has left (kept for history, not counted)',
        params: IdParams,
        response: { 200: StaffSchema },
      },
    },
    async (request) => setStaffStatus(tenantCtx(request), request.params.id, 'archived'),
  );

  app.post<{ Params: { id: string } }>(
    '/api/staff/:id/restore',
    {
      config: { ...school, access: { permission: 'staff:manage' } },
      schema: {
        tags,
        summary: "Make an archived staff member active again (within the plan's limit)",
        params: IdParams,
        response: { 200: StaffSchema },
      },
    },
    async (request) => setStaffStatus(tenantCtx(request), request.params.id, 'active'),
  );

  app.post<{ Params: { id: string }; Body: AccountInput }>(
    '/api/staff/:id/account',
    {
      config: { ...school, access: { permission: 'staff:manage' } },
      schema: {
        tags,
        summary: 'Give the staff member an account (teacher role when isTeacher, else staff)',
        params: IdParams,
        body: LinkAccountBody,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createStaffAccount(tenantCtx(request), request.params.id, request.body)),
  );
}
