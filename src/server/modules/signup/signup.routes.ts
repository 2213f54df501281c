import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  SignupBody,
  SignupChallengeSchema,
  SignupResultSchema,
  SlugAvailabilityQuery,
  SlugAvailabilitySchema,
  type SignupBody as SignupInput,
} from '../../../shared/contracts/signup.js';
import { platformCtx } from '../../platform/auth/context.js';
import { issueChallenge, signUp, slugAvailability, type SignupContext } from './signup.service.js';

const marketing = { hostKinds: ['marketing' as const] };

function signupCtx(request: FastifyRequest): SignupContext {
  return { ...platformCtx(request), secret: request.server.services.secret };
}

export function registerSignupRoutes(app: FastifyInstance): void {
  app.get(
    '/api/signup/challenge',
    {
      config: { ...marketing, access: 'public' },
      schema: {
        tags: ['signup'],
        summary: 'A signed, single-use form token with its proof-of-work target',
        response: { 200: SignupChallengeSchema },
      },
    },
    async (request) => issueChallenge(signupCtx(request)),
  );

  app.get<{ Querystring: { slug: string } }>(
    '/api/signup/slug-availability',
    {
      config: { ...marketing, access: 'public' },
      schema: {
        tags: ['signup'],
        summary: 'Whether a school address can be had',
        querystring: SlugAvailabilityQuery,
        response: { 200: SlugAvailabilitySchema },
      },
    },
    async (request) => slugAvailability(platformCtx(request), request.query.slug),
  );

  app.post<{ Body: SignupInput }>(
    '/api/signup',
    {
      config: { ...marketing, access: 'public' },
      schema: {
        tags: ['signup'],
        summary: 'Create a school with its first admin (trial on the default plan)',
        body: SignupBody,
        response: { 201: SignupResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await signUp(signupCtx(request), request.body)),
  );
}
