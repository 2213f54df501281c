import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../shared/boot.js';
import { effectiveGrants } from '../../../shared/permissions.js';
import type { Config } from '../../config.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './context.js';
import type { OperatorSessionStore } from './operator-session-store.js';
import type { CachedSession, SessionStore } from './session-store.js';
import { sessionTokenSchool } from './tokens.js';

// Identity on every request, after the school is known from the host and before its status
// gate: a school cookie is honoured only on the school it was issued for, an operator cookie
// only on the platform host. Then, for every route: the declared access, same-origin writes,
// and read-only impersonation.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writes an impersonating operator may make even in a read-only session: leaving it.
const READ_ONLY_ALLOWED = new Set(['/api/auth/sign-out', '/api/auth/impersonation/end']);

export interface CookieNames {
  school: string;
  operator: string;
}

export function cookieNames(config: Config): CookieNames {
  // Under HTTPS the __Host- prefix makes the browser refuse any Domain attribute or
  // non-secure overwrite, pinning the cookie to the exact host.
  return config.publicScheme === 'https'
    ? { school: '__Host-sh_session', operator: '__Host-sh_operator' }
    : { school: 'sh_session', operator: 'sh_operator' };
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  name: string,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicScheme === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config, name: string): void {
  reply.clearCookie(name, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicScheme === 'https',
  });
}

export function actorFromSession(session: CachedSession, operatorEmail: string | null): Actor {
  const impersonating = session.impersonatedBy !== null;
  // An operator acts with an administrator's permissions; read-only unless granted otherwise.
  const roles = impersonating ? ['admin'] : (session.user?.roles ?? []);
  const customPermissions = session.customRoles.flatMap((r) => r.permissions);
  const locale = session.user?.locale;
  return {
    sessionId: session.id,
    userId: session.userId,
    operatorId: session.impersonatedBy,
    operatorEmail,
    email: session.user?.email ?? operatorEmail ?? '',
    name: session.user?.name ?? operatorEmail ?? 'Operator',
    roles,
    customRoles: session.customRoles.map(({ id, name }) => ({ id, name })),
    grants: effectiveGrants(roles, customPermissions),
    locale: locale === 'en' || locale === 'ar' ? (locale as Locale) : null,
    readOnly: session.readOnly,
    expiresAt: session.expiresAt,
    linkedStaffId: session.user?.linkedStaffId ?? null,
    linkedStudentId: session.user?.linkedStudentId ?? null,
    linkedGuardianId: session.user?.linkedGuardianId ?? null,
  };
}

function originAllowed(request: FastifyRequest, config: Config, host: string | undefined): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== '' && origin !== 'null') {
    try {
      const url = new URL(origin);
      if (config.publicScheme === 'https' && url.protocol !== 'https:') return false;
      return host !== undefined && url.host.toLowerCase() === host.toLowerCase();
    } catch {
      return false;
    }
  }
  return request.headers['sec-fetch-site'] === 'same-origin';
}

export interface AuthOptions {
  config: Config;
  sessions: SessionStore;
  operatorSessions: OperatorSessionStore;
  requestedHost: (request: FastifyRequest) => string | undefined;
}

export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  const names = cookieNames(options.config);
  app.decorateRequest('actor', null);
  app.decorateRequest('operator', null);

  app.addHook('onRequest', async (request) => {
    const kind = request.hostClass?.kind;
    if ((kind === 'tenant' || kind === 'custom') && request.tenant) {
      const token = request.cookies[names.school];
      if (!token) return;
      const issuedFor = sessionTokenSchool(token);
      if (issuedFor !== request.tenant.id) {
        // Treated exactly as no session; logged, since it means a cookie travelled hosts.
        request.log.warn(
          { event: 'session_cross_school', hostSchool: request.tenant.id, tokenSchool: issuedFor },
          'a session issued for another school was presented',
        );
        return;
      }
      const session = await options.sessions.find(request.tenant.id, token);
      if (!session) return;
      request.actor = actorFromSession(session, session.impersonatorEmail);
      request.log = request.log.child({
        actor: session.userId ?? `operator:${session.impersonatedBy}`,
      });
      return;
    }
    if (kind === 'platform') {
      const token = request.cookies[names.operator];
      if (!token) return;
      const session = await options.operatorSessions.find(token);
      if (!session) return;
      request.operator = {
        sessionId: session.id,
        operatorId: session.operatorId,
        email: session.email,
        name: session.name,
      };
      request.log = request.log.child({ operator: session.operatorId });
    }
  });
}

/** Route access, same-origin writes and read-only sessions; runs after the status gate. */
export function registerAccessChecks(app: FastifyInstance, options: AuthOptions): void {
  app.addHook('onRequest', async (request) => {
    const url = request.url;
    if (!url.startsWith('/api/')) return;

    if (
      !SAFE_METHODS.has(request.method) &&
      !originAllowed(request, options.config, options.requestedHost(request))
    ) {
      throw new AppError(
        'CROSS_ORIGIN_REQUEST',
        'This request must come from the page of the same site.',
      );
    }

    const access = request.routeOptions.config.access;
    // Unmatched /api paths reach the not-found handler, which has no access to declare.
    if (request.routeOptions.url === undefined) return;
    if (access === 'public') return;
    const signedIn = request.hostClass.kind === 'platform' ? request.operator : request.actor;
    if (!signedIn) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    if (access === undefined) {
      // Fail closed: a route that forgot to declare its access serves nobody.
      throw new AppError('FORBIDDEN', 'This endpoint declares no access rule.');
    }
    if (request.actor) {
      if (typeof access === 'object' && !request.actor.grants[access.permission]) {
        throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
      }
      const feature = request.routeOptions.config.feature;
      if (feature && request.tenant?.features[feature] === false) {
        throw new AppError('FEATURE_NOT_AVAILABLE', "This is not part of the school's plan.");
      }
      const path = request.routeOptions.url;
      if (
        request.actor.readOnly &&
        !SAFE_METHODS.has(request.method) &&
        !READ_ONLY_ALLOWED.has(path)
      ) {
        throw new AppError('READ_ONLY_SESSION', 'This support session is read-only.');
      }
    }
  });
}
