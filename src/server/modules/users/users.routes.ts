import type { FastifyInstance } from 'fastify';
import {
  ChangePasswordBody,
  IdParams,
  InviteUserBody,
  MeSchema,
  NavigationSchema,
  Page,
  UpdateMeBody,
  UpdateUserBody,
  UserListQuery,
  UserSchema,
  type InviteUserBody as InviteInput,
  type UpdateUserBody as UpdateInput,
  type UserListQuery as ListInput,
} from '../../../shared/contracts/identity.js';
import { cookieNames, setSessionCookie } from '../../platform/auth/auth.plugin.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  changeOwnPassword,
  getMe,
  getNavigation,
  getUser,
  inviteUser,
  listUsers,
  resendInvitation,
  updateMe,
  updateUser,
} from './users.service.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };

export function registerMeRoutes(app: FastifyInstance): void {
  const { config } = app.services;
  app.get(
    '/api/me',
    {
      config: { ...school, access: 'authenticated' },
      schema: {
        tags: ['me'],
        summary: 'The signed-in person, roles and permissions',
        response: { 200: MeSchema },
      },
    },
    async (request) => getMe(tenantCtx(request)),
  );

  app.get(
    '/api/me/navigation',
    {
      config: { ...school, access: 'authenticated' },
      schema: {
        tags: ['me'],
        summary: 'Menu entries this person may open',
        response: { 200: NavigationSchema },
      },
    },
    async (request) => getNavigation(tenantCtx(request)),
  );

  app.patch<{ Body: { name?: string; locale?: 'en' | 'ar' | null } }>(
    '/api/me',
    {
      config: { ...school, access: 'authenticated' },
      schema: {
        tags: ['me'],
        summary: 'Change your name or language',
        body: UpdateMeBody,
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const ctx = tenantCtx(request);
      await updateMe(ctx, request.body);
      const actor = ctx.actor;
      if (!actor) return getMe(ctx);
      return getMe({
        ...ctx,
        actor: {
          ...actor,
          ...(request.body.name !== undefined ? { name: request.body.name.trim() } : {}),
          ...(request.body.locale !== undefined ? { locale: request.body.locale } : {}),
        },
      });
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/me/password',
    {
      config: { ...school, access: 'authenticated' },
      schema: {
        tags: ['me'],
        summary: 'Change your password (signs out every other session)',
        body: ChangePasswordBody,
      },
    },
    async (request, reply) => {
      const session = await changeOwnPassword(tenantCtx(request), request.body);
      setSessionCookie(reply, config, cookieNames(config).school, session.token, session.expiresAt);
      return reply.status(204).send();
    },
  );
}

export function registerUserRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: ListInput }>(
    '/api/users',
    {
      config: { ...school, access: { permission: 'users:read' } },
      schema: {
        tags: ['users'],
        summary: 'List accounts',
        querystring: UserListQuery,
        response: { 200: Page(UserSchema) },
      },
    },
    async (request) => listUsers(tenantCtx(request), request.query),
  );

  app.post<{ Body: InviteInput }>(
    '/api/users',
    {
      config: { ...school, access: { permission: 'users:manage' } },
      schema: {
        tags: ['users'],
        summary: 'Invite a person by email',
        body: InviteUserBody,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteUser(tenantCtx(request), request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/users/:id',
    {
      config: { ...school, access: { permission: 'users:read' } },
      schema: {
        tags: ['users'],
        summary: 'One account',
        params: IdParams,
        response: { 200: UserSchema },
      },
    },
    async (request) => getUser(tenantCtx(request), request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: UpdateInput }>(
    '/api/users/:id',
    {
      config: { ...school, access: { permission: 'users:manage' } },
      schema: {
        tags: ['users'],
        summary: 'Change name, roles or status',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema },
      },
    },
    async (request) => updateUser(tenantCtx(request), request.params.id, request.body),
  );

  app.post<{ Params: { id: string } }>(
    '/api/users/:id/invitation',
    {
      config: { ...school, access: { permission: 'users:manage' } },
      schema: { tags: ['users'], summary: 'Send the invitation again', params: IdParams },
    },
    async (request, reply) => {
      await resendInvitation(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
