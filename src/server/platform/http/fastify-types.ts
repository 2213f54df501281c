import '@fastify/cookie';
import type { HostClass } from '../../../shared/host-classification.js';
import type { Permission } from '../../../shared/permissions.js';
import type { Actor, OperatorActor } from '../auth/context.js';
import type { TenantGate, TenantRecord } from '../tenancy/tenant-record.js';

export type HostKind = HostClass['kind'];

/**
 * Who may call a route: anyone on its hosts ('public'), anyone signed in ('authenticated'),
 * or holders of a permission (relationship scope is then applied by the service).
 */
export type RouteAccess = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  interface FastifyRequest {
    hostClass: HostClass;
    tenant: TenantRecord | null;
    tenantGate: TenantGate;
    /** The signed-in person on a school host (a user, or an operator impersonating). */
    actor: Actor | null;
    /** The signed-in operator on the platform host. */
    operator: OperatorActor | null;
  }
  interface FastifyContextConfig {
    /** Host kinds this route answers on; elsewhere it is 404 as if it did not exist. */
    hostKinds?: HostKind[];
    access?: RouteAccess;
    /** A plan feature the route belongs to: a school whose plan turns it off gets 403. */
    feature?: string;
  }
}
