import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../../shared/boot.js';
import type { EffectiveGrants, Permission, Scope } from '../../../shared/permissions.js';
import type { AppServices } from '../../app.js';
import { AppError } from '../errors/app-error.js';
import type { TenantRecord } from '../tenancy/tenant-record.js';

/** Who is acting on a school host. Built once per request from the session. */
export interface Actor {
  sessionId: string;
  /** The school account, or null for an operator's impersonation session. */
  userId: string | null;
  /** Set when a platform operator is acting in the school (impersonation). */
  operatorId: string | null;
  operatorEmail: string | null;
  email: string;
  name: string;
  roles: string[];
  customRoles: { id: string; name: string }[];
  grants: EffectiveGrants;
  locale: Locale | null;
  readOnly: boolean;
  expiresAt: Date;
  /** The person records this account stands for; relationship scopes start from them. */
  linkedStaffId: string | null;
  linkedStudentId: string | null;
  linkedGuardianId: string | null;
}

export interface OperatorActor {
  sessionId: string;
  operatorId: string;
  email: string;
  name: string;
}

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
  services: AppServices;
}

/** Everything a school use case receives: the school from the host, the actor, the request. */
export interface TenantContext extends RequestMeta {
  schoolId: string;
  school: TenantRecord;
  actor: Actor | null;
}

export interface PlatformContext extends RequestMeta {
  operator: OperatorActor | null;
}

function meta(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return {
    requestId: request.id,
    ip: request.ip,
    userAgent: typeof ua === 'string' ? ua : null,
    services: request.server.services,
  };
}

export function tenantCtx(request: FastifyRequest): TenantContext {
  const school = request.tenant;
  if (!school) throw new AppError('SCHOOL_NOT_FOUND', 'There is no school at this address.');
  return { ...meta(request), schoolId: school.id, school, actor: request.actor };
}

export function platformCtx(request: FastifyRequest): PlatformContext {
  return { ...meta(request), operator: request.operator };
}

export function requireActor(ctx: TenantContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return ctx.actor;
}

export function requireOperator(ctx: PlatformContext): OperatorActor {
  if (!ctx.operator) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return ctx.operator;
}

/**
 * The first line of every school use case: the actor must hold the permission. Returns the
 * scopes it is held with, so the service can apply the relationship (own classes, children,
 * self) when the scope is not 'all'.
 */
export function requirePermission(
  ctx: TenantContext,
  permission: Permission,
): { actor: Actor; scopes: Scope[] } {
  const actor = requireActor(ctx);
  const scopes = actor.grants[permission];
  if (!scopes || scopes.length === 0) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
  }
  return { actor, scopes };
}

export function hasPermission(actor: Actor | null, permission: Permission, scope?: Scope): boolean {
  const scopes = actor?.grants[permission];
  if (!scopes) return false;
  return scope === undefined || scopes.includes(scope) || scopes.includes('all');
}
