import type { FastifyInstance, FastifyRequest } from 'fastify';
import { classifyHost, type HostConfig } from '../../../shared/host-classification.js';
import { AppError, schoolNotFound } from '../errors/app-error.js';
import { classificationOf } from '../http/host-constraint.js';
import type { TenantDirectory } from './tenant-directory.js';
import { gateFor } from './tenant-record.js';

export const OPS_PATHS = new Set(['/healthz', '/readyz', '/metrics', '/internal/tls-allowed']);
const MAINTENANCE_OPEN_PATHS = new Set(['/sign-in', '/api/auth/sign-in']);
// An operator's one-time grant must be redeemable on a suspended school's host.
const SUSPENDED_OPEN_PATHS = new Set(['/impersonate', '/api/auth/impersonation/accept']);

export interface TenancyOptions {
  hosts: HostConfig;
  trustProxy: boolean;
  directory: TenantDirectory;
}

function firstForwardedHost(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  const xfh = request.headers['x-forwarded-host'];
  const value = Array.isArray(xfh) ? xfh[0] : xfh;
  if (value) return value.split(',')[0]?.trim();
  const forwarded = request.headers.forwarded;
  if (forwarded) {
    const first = forwarded.split(',')[0] ?? '';
    for (const part of first.split(';')) {
      const [key, raw] = part.split('=');
      if (key?.trim().toLowerCase() === 'host' && raw) return raw.trim().replace(/^"|"$/g, '');
    }
  }
  return undefined;
}

/**
 * The authority the client asked for. Forwarded hosts are honoured only behind a trusted
 * proxy; otherwise they are attacker-controlled and ignored, as are x-subdomain / x-tenant-*
 * style headers, which nothing here ever reads.
 */
export function requestedHost(
  request: Pick<FastifyRequest, 'headers'>,
  trustProxy: boolean,
): string | undefined {
  if (trustProxy) {
    const forwarded = firstForwardedHost(request);
    if (forwarded) return forwarded;
  }
  return request.headers.host;
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/**
 * Resolves request.tenant from the host before anything else runs. The status gate itself is
 * a separate hook (enforceTenantGate) so that identity can be established in between: some
 * people (operators impersonating, admins in maintenance) pass gates others may not.
 */
export function registerTenancy(app: FastifyInstance, options: TenancyOptions): void {
  app.decorateRequest('hostClass', null as never);
  app.decorateRequest('tenant', null);
  app.decorateRequest('tenantGate', 'open');

  app.addHook('onRequest', async (request) => {
    const hostClass =
      classificationOf(request.raw) ??
      classifyHost(requestedHost(request, options.trustProxy), options.hosts);
    request.hostClass = hostClass;
    if (hostClass.kind === 'invalid') {
      throw new AppError('INVALID_HOST', 'The request host is not valid.');
    }
    const path = pathOf(request.url);
    if (OPS_PATHS.has(path)) return;
    if (hostClass.kind === 'direct') throw new AppError('ROUTE_NOT_FOUND', 'No such endpoint.');
    // Built web assets are public and identical on every host; error pages need them too.
    if (path.startsWith('/assets/')) return;
    if (hostClass.kind === 'unknown') throw schoolNotFound();

    const allowed = request.routeOptions.config.hostKinds;
    if (hostClass.kind === 'tenant' || hostClass.kind === 'custom') {
      const found =
        hostClass.kind === 'tenant'
          ? options.directory.bySlug(hostClass.slug)
          : options.directory.byCustomHost(hostClass.host);
      const tenant = found instanceof Promise ? await found : found;
      request.tenantGate = gateFor(tenant, Date.now());
      if (request.tenantGate === 'not-found') throw schoolNotFound();
      request.tenant = tenant;
      request.log = request.log.child({ hostKind: hostClass.kind, tenant: tenant?.slug });
      if (allowed && !allowed.includes('tenant') && !allowed.includes('custom')) {
        throw new AppError('ROUTE_NOT_FOUND', 'No such endpoint.');
      }
      return;
    }
    request.log = request.log.child({ hostKind: hostClass.kind });
    if (allowed && !allowed.includes(hostClass.kind)) {
      throw new AppError('ROUTE_NOT_FOUND', 'No such endpoint.');
    }
  });
}

/**
 * 423 for suspended schools and expired trials (except an operator impersonating, who may be
 * there to help), 503 for maintenance (except the school's admins and operators).
 */
export function enforceTenantGate(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const operator = request.actor?.operatorId != null;
    switch (request.tenantGate) {
      case 'suspended':
        if (operator || SUSPENDED_OPEN_PATHS.has(pathOf(request.url))) return;
        throw new AppError('TENANT_SUSPENDED', 'This school is suspended.');
      case 'maintenance':
        if (operator || request.actor?.roles.includes('admin')) return;
        // Admins must be able to sign in to work during maintenance.
        if (MAINTENANCE_OPEN_PATHS.has(pathOf(request.url))) return;
        throw new AppError(
          'MAINTENANCE',
          'This school is down for maintenance. Try again shortly.',
          undefined,
          {
            'retry-after': '300',
          },
        );
      default:
        return;
    }
  });
}
