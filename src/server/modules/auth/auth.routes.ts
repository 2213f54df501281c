import type { FastifyInstance } from 'fastify';
import {
  ImpersonationAcceptBody,
  InvitationAcceptBody,
  InvitationInspectBody,
  InvitationSummary,
  MeSchema,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  SignInBody,
  type SignInBody as SignInInput,
} from '../../../shared/contracts/identity.js';
import {
  clearSessionCookie,
  cookieNames,
  setSessionCookie,
} from '../../platform/auth/auth.plugin.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  acceptImpersonation,
  acceptInvitation,
  confirmPasswordReset,
  inspectInvitation,
  requestPasswordReset,
  signIn,
  signInWithLink,
  signOut,
  type SignedIn,
} from './auth.service.js';
import { SignInLinkBody } from '../../../shared/contracts/signup.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };

export function registerAuthRoutes(app: FastifyInstance): void {
  const { config } = app.services;
  const cookie = cookieNames(config).school;
  const startSession = (reply: Parameters<typeof setSessionCookie>[0], signedIn: SignedIn) => {
    setSessionCookie(reply, config, cookie, signedIn.token, signedIn.expiresAt);
    return signedIn.me;
  };

  app.post<{ Body: SignInInput }>(
    '/api/auth/sign-in',
    {
      config: { ...school, access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in to this school',
        body: SignInBody,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => startSession(reply, await signIn(tenantCtx(request), request.body)),
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { ...school, access: 'public' },
      schema: { tags: ['auth'], summary: 'End this session' },
    },
    async (request, reply) => {
      await signOut(tenantCtx(request));
      clearSessionCookie(reply, config, cookie);
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { email: string } }>(
    '/api/auth/password-reset',
    {
      config: { ...school, access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Email a password reset link',
        body: PasswordResetRequestBody,
      },
    },
    async (request, reply) => {
      await requestPasswordReset(tenantCtx(request), request.body);
      return reply.status(202).send({ status: 'accepted' });
    },
  );

  app.post<{ Body: { token: string; password: string } }>(
    '/api/auth/password-reset/confirm',
    {
      config: { ...school, access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with a reset link',
        body: PasswordResetConfirmBody,
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(tenantCtx(request), request.body);
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { token: string } }>(
    '/api/auth/invitations/inspect',
    {
      config: { ...school, access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Who an invitation is for',
        body: InvitationInspectBody,
        response: { 200: InvitationSummary },
      },
    },
    async (request) => inspectInvitation(tenantCtx(request), request.body),
  );

  app.post<{ Body: { token: string; password: string; name?: string } }>(
    '/api/auth/invitations/accept',
    {
      config: { ...school, access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation and sign in',
        body: InvitationAcceptBody,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) =>
      startSession(reply, await acceptInvitation(tenantCtx(request), request.body)),
  );

  app.post<{ Body: { token: string } }>(
    '/api/auth/impersonation/accept',
    {
      config: { ...school, access: 'public' },
      schema: {
        tags: ['auth'],
        summary: "Open an operator's support session from a one-time grant",
        body: ImpersonationAcceptBody,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) =>
      startSession(reply, await acceptImpersonation(tenantCtx(request), request.body)),
  );

  app.post<{ Body: { token: string } }>(
    '/api/auth/sign-in-link',
    {
      config: { ...school, access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Open a session from the one-time link given at sign-up',
        body: SignInLinkBody,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) =>
      startSession(reply, await signInWithLink(tenantCtx(request), request.body)),
  );

  app.post(
    '/api/auth/impersonation/end',
    {
      config: { ...school, access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'End the support session' },
    },
    async (request, reply) => {
      await signOut(tenantCtx(request));
      clearSessionCookie(reply, config, cookie);
      return reply.status(204).send();
    },
  );
}
