import type { FastifyInstance } from 'fastify';
import {
  CustomRoleBody,
  CustomRoleSchema,
  IdParams,
  RolesSchema,
  type CustomRoleBody as RoleInput,
} from '../../../shared/contracts/identity.js';
import { tenantCtx } from '../../platform/auth/context.js';
import { createRole, deleteRole, listRoles, updateRole } from './roles.service.js';

const access = {
  hostKinds: ['tenant' as const, 'custom' as const],
  access: { permission: 'roles:manage' as const },
};

export function registerRoleRoutes(app: FastifyInstance): void {
  app.get(
    '/api/roles',
    {
      config: access,
      schema: {
        tags: ['roles'],
        summary: 'Built-in and custom roles',
        response: { 200: RolesSchema },
      },
    },
    async (request) => listRoles(tenantCtx(request)),
  );
  app.post<{ Body: RoleInput }>(
    '/api/roles',
    {
      config: access,
      schema: {
        tags: ['roles'],
        summary: 'Define a custom role',
        body: CustomRoleBody,
        response: { 201: CustomRoleSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRole(tenantCtx(request), request.body)),
  );
  app.patch<{ Params: { id: string }; Body: RoleInput }>(
    '/api/roles/:id',
    {
      config: access,
      schema: {
        tags: ['roles'],
        summary: 'Change a custom role',
        params: IdParams,
        body: CustomRoleBody,
        response: { 200: CustomRoleSchema },
      },
    },
    async (request) => updateRole(tenantCtx(request), request.params.id, request.body),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/roles/:id',
    {
      config: access,
      schema: { tags: ['roles'], summary: 'Delete an unused custom role', params: IdParams },
    },
    async (request, reply) => {
      await deleteRole(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
