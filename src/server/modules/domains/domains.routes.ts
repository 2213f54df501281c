import type { FastifyInstance } from 'fastify';
import {
  AddDomainBody,
  DomainListSchema,
  DomainSchema,
  PlatformDomainListQuery,
  PlatformDomainSchema,
  RemoveDomainBody,
  TlsAskQuery,
  type AddDomainBody as AddInput,
  type PlatformDomainListQuery as ListInput,
  type RemoveDomainBody as RemoveInput,
  type TlsAskQuery as AskInput,
} from '../../../shared/contracts/domains.js';
import { IdParams, Page } from '../../../shared/contracts/identity.js';
import { platformCtx, tenantCtx } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { SystemResolver, type DomainResolver } from './dns-resolver.js';
import { DomainVerifier } from './domain-verifier.js';
import {
  addSchoolDomain,
  isTlsAllowed,
  listDomains,
  listSchoolDomains,
  removeDomainAsOperator,
  removeSchoolDomain,
  verifyDomainAsOperator,
  verifySchoolDomain,
} from './domains.service.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };
const platform = { hostKinds: ['platform' as const] };
const manage = { permission: 'school:manage' as const };

export interface DomainsOptions {
  /** DNS for verification; the system's resolver unless a test passes a fake. */
  resolver?: DomainResolver | undefined;
  intervalMs?: number | undefined;
}

/**
 * Custom domains: the school's and the operators' endpoints, the TLS ask endpoint for the
 * proxy, and the background verifier, started with the app and stopped before it closes.
 */
export function registerDomains(
  app: FastifyInstance,
  options: DomainsOptions = {},
): DomainVerifier {
  const resolver = options.resolver ?? new SystemResolver();
  registerSchoolDomainRoutes(app, resolver);
  registerPlatformDomainRoutes(app, resolver);
  registerTlsAskRoute(app);

  const { db, directory, config } = app.services;
  const verifier = new DomainVerifier({ db, directory, config, resolver }, app.log, {
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
  });
  app.addHook('onReady', async () => verifier.start());
  app.addHook('onClose', async () => verifier.stop());
  return verifier;
}

function registerSchoolDomainRoutes(app: FastifyInstance, resolver: DomainResolver): void {
  app.get(
    '/api/school/domains',
    {
      config: { ...school, access: manage },
      schema: {
        tags: ['domains'],
        summary: "The school's custom domains, with the DNS records each needs",
        response: { 200: DomainListSchema },
      },
    },
    async (request) => listSchoolDomains(tenantCtx(request)),
  );

  app.post<{ Body: AddInput }>(
    '/api/school/domains',
    {
      config: { ...school, access: manage },
      schema: {
        tags: ['domains'],
        summary: 'Connect a domain; answers with the DNS records that prove ownership',
        body: AddDomainBody,
        response: { 201: DomainSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addSchoolDomain(tenantCtx(request), request.body)),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/school/domains/:id',
    {
      config: { ...school, access: manage },
      schema: {
        tags: ['domains'],
        summary: 'Disconnect a domain (it stops serving the school at once)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await removeSchoolDomain(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/school/domains/:id/verify',
    {
      config: { ...school, access: manage },
      schema: {
        tags: ['domains'],
        summary: 'Check the DNS records now',
        params: IdParams,
        response: { 200: DomainSchema },
      },
    },
    async (request) => verifySchoolDomain(tenantCtx(request), request.params.id, resolver),
  );
}

function registerPlatformDomainRoutes(app: FastifyInstance, resolver: DomainResolver): void {
  app.get<{ Querystring: ListInput }>(
    '/api/domains',
    {
      config: { ...platform, access: 'authenticated' },
      schema: {
        tags: ['operators'],
        summary: "Every school's custom domains, newest first",
        querystring: PlatformDomainListQuery,
        response: { 200: Page(PlatformDomainSchema) },
      },
    },
    async (request) => listDomains(platformCtx(request), request.query),
  );

  app.post<{ Params: { id: string } }>(
    '/api/domains/:id/verify',
    {
      config: { ...platform, access: 'authenticated' },
      schema: {
        tags: ['operators'],
        summary: "Check a domain's DNS records now",
        params: IdParams,
        response: { 200: PlatformDomainSchema },
      },
    },
    async (request) => verifyDomainAsOperator(platformCtx(request), request.params.id, resolver),
  );

  app.delete<{ Params: { id: string }; Body: RemoveInput }>(
    '/api/domains/:id',
    {
      config: { ...platform, access: 'authenticated' },
      schema: {
        tags: ['operators'],
        summary: 'Disconnect a school’s domain, with a recorded reason',
        params: IdParams,
        body: RemoveDomainBody,
      },
    },
    async (request, reply) => {
      await removeDomainAsOperator(platformCtx(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
}

/**
 * For an on-demand TLS proxy (Caddy's `on_demand_tls { ask ... }`): 200 when a certificate may
 * be obtained for the name, 404 otherwise. Served only to a client addressing the app by IP
 * (the proxy on the same host or network), never on any public name.
 *
 * Deliberately not constrained by host kind: on a host with a web app an unmatched GET falls
 * through to the page shell with 200, so a proxy pointed at a public name by mistake would be
 * told "yes" for every domain. Matching everywhere and refusing here keeps that answer 404.
 */
function registerTlsAskRoute(app: FastifyInstance): void {
  app.get<{ Querystring: AskInput }>(
    '/internal/tls-allowed',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { hide: true, querystring: TlsAskQuery },
      // Before validation, so a public name cannot tell this endpoint exists from a 400.
      onRequest: async (request) => {
        if (request.hostClass.kind !== 'direct') {
          throw new AppError('ROUTE_NOT_FOUND', 'No such endpoint.');
        }
      },
    },
    async (request) => {
      if (!(await isTlsAllowed(request.server.services, request.query.domain))) {
        throw new AppError('NOT_FOUND', 'This name is not served here.');
      }
      return { allowed: true };
    },
  );
}
