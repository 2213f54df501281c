import type { HostClass } from '../../../shared/host-classification.js';
import type { TenantGate, TenantRecord } from '../tenancy/tenant-record.js';

export type HostKind = HostClass['kind'];

/** Who may call a route: anyone on the allowed hosts, or holders of a permission. */
export type RouteAccess = 'public' | { permission: string };

declare module 'fastify' {
  interface FastifyRequest {
    hostClass: HostClass;
    tenant: TenantRecord | null;
    tenantGate: TenantGate;
  }
  interface FastifyContextConfig {
    /** Host kinds this route answers on; elsewhere it is 404 as if it did not exist. */
    hostKinds?: HostKind[];
    access?: RouteAccess;
  }
}
