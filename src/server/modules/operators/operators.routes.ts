import type { FastifyInstance } from 'fastify';
import {
  IdParams,
  ImpersonationStartedSchema,
  ListQuery,
  OperatorMeSchema,
  OperatorSignInBody,
  Page,
  StartImpersonationBody,
  type OperatorSignInBody as SignInInput,
  type StartImpersonationBody as ImpersonationInput,
} from '../../../shared/contracts/identity.js';
import { PlatformAuditEventSchema } from '../../../shared/contracts/platform.js';
import {
  clearSessionCookie,
  cookieNames,
  setSessionCookie,
} from '../../platform/auth/auth.plugin.js';
import { platformCtx } from '../../platform/auth/context.js';
import {
  getOperatorMe,
  listPlatformAuditEvents,
  signInOperator,
  signOutOperator,
  startImpersonation,
} from './operators.service.js';

// Operator endpoints exist only on the platform host: on any other host they answer 404.
const platform = { hostKinds: ['platform' as const] };

export function registerOperatorRoutes(app: FastifyInstance): void {
  const { config } = app.services;
  const cookie = cookieNames(config).operator;

  app.post<{ Body: SignInInput }>(
    '/api/auth/sign-in',
    {
      config: { ...platform, access: 'public' },
      schema: {
        tags: ['operators'],
        summary: 'Operator sign-in',
        body: OperatorSignInBody,
        response: { 200: OperatorMeSchema },
      },
    },
    async (request, reply) => {
      const { token, me } = await signInOperator(platformCtx(request), request.body);
      setSessionCookie(
        reply,
        config,
        cookie,
        token,
        new Date(Date.now() + config.sessions.operatorMaxMs),
      );
      return me;
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { ...platform, access: 'public' },
      schema: { tags: ['operators'], summary: 'Operator sign-out' },
    },
    async (request, reply) => {
      await signOutOperator(platformCtx(request));
      clearSessionCookie(reply, config, cookie);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      config: { ...platform, access: 'authenticated' },
      schema: {
        tags: ['operators'],
        summary: 'The signed-in operator',
        response: { 200: OperatorMeSchema },
      },
    },
    async (request) => getOperatorMe(platformCtx(request)),
  );

  app.post<{ Params: { id: string }; Body: ImpersonationInput }>(
    '/api/schools/:id/impersonations',
    {
      config: { ...platform, access: 'authenticated' },
      schema: {
        tags: ['operators'],
        summary: 'Open a school with a recorded reason (one-time link, valid 60 s)',
        params: IdParams,
        body: StartImpersonationBody,
        response: { 201: ImpersonationStartedSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await startImpersonation(platformCtx(request), request.params.id, request.body)),
  );

  app.get<{ Querystring: { limit?: number; cursor?: string } }>(
    '/api/platform-audit-events',
    {
      config: { ...platform, access: 'authenticated' },
      schema: {
        tags: ['operators'],
        summary: 'Platform audit trail, newest first',
        querystring: ListQuery,
        response: { 200: Page(PlatformAuditEventSchema) },
      },
    },
    async (request) => listPlatformAuditEvents(platformCtx(request), request.query),
  );
}
