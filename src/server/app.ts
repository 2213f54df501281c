import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { DemoSchoolLink } from '../shared/boot.js';
import { publicOrigin, type Config } from './config.js';
import { DEMO_SCHOOLS } from './modules/schools/demo-seed.js';
import { registerSchoolProfileRoutes } from './modules/schools/school-profile.routes.js';
import { InvalidationBus } from './platform/cache/invalidation-bus.js';
import type { RedisClients } from './platform/cache/redis.js';
import type { Database } from './platform/db/database.js';
import { AppError } from './platform/errors/app-error.js';
import { registerErrorHandler, sendError } from './platform/http/error-handler.js';
import './platform/http/fastify-types.js';
import { HtmlShell, WEB_DIST_DIR } from './platform/http/html-shell.js';
import { NotFoundLimiter } from './platform/http/not-found-limiter.js';
import { bootFor, renderPage, wantsHtml, type PageContext } from './platform/http/pages.js';
import { createValidatorCompiler } from './platform/http/validation.js';
import { registerHealthRoutes } from './platform/observability/health.routes.js';
import { createMetrics, type Metrics } from './platform/observability/metrics.js';
import { TenantDirectory } from './platform/tenancy/tenant-directory.js';
import { UsageMeter } from './platform/observability/usage-meter.js';
import { SchoolRateLimiter } from './platform/tenancy/school-rate-limiter.js';
import { gateFor } from './platform/tenancy/tenant-record.js';
import {
  enforceTenantGate,
  registerTenancy,
  requestedHost,
} from './platform/tenancy/tenancy.plugin.js';
import cookie from '@fastify/cookie';
import { Mailer } from './modules/mail/mailer.js';
import { registerAcademicsRoutes } from './modules/academics/academics.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerImportRoutes } from './modules/imports/imports.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerOperatorRoutes } from './modules/operators/operators.routes.js';
import { registerDomains } from './modules/domains/domains.routes.js';
import type { DomainResolver } from './modules/domains/dns-resolver.js';
import { registerRoleRoutes } from './modules/roles/roles.routes.js';
import { registerSchoolSettingsRoutes } from './modules/schools/school-settings.routes.js';
import { registerMeRoutes, registerUserRoutes } from './modules/users/users.routes.js';
import { registerPeopleRoutes } from './modules/people/people.routes.js';
import { registerEnrollmentRoutes } from './modules/enrollment/enrollment.routes.js';
import { registerTimetableRoutes } from './modules/timetable/timetable.routes.js';
import { registerAttendanceRoutes } from './modules/attendance/attendance.routes.js';
import { registerGradebookRoutes } from './modules/gradebook/gradebook.routes.js';
import { registerReportCardsRoutes } from './modules/report-cards/report-cards.routes.js';
import { registerAccessChecks, registerAuth } from './platform/auth/auth.plugin.js';
import { OperatorSessionStore } from './platform/auth/operator-session-store.js';
import { SessionStore } from './platform/auth/session-store.js';
import { SignInGuard } from './platform/auth/sign-in-guard.js';
import {
  MemoryCounterStore,
  RedisCounterStore,
  type CounterStore,
} from './platform/cache/counter-store.js';
import { loadAppSecret } from './platform/auth/app-secret.js';
import { registerSignupRoutes } from './modules/signup/signup.routes.js';
import { registerSchoolTransferRoutes } from './modules/school-transfer/school-transfer.routes.js';
import { registerSchoolAdminRoutes } from './modules/schools/schools-admin.routes.js';
import type { RouteAccess } from './platform/http/fastify-types.js';
import { groupForKinds, hostConstraint } from './platform/http/host-constraint.js';

export interface AppDeps {
  config: Config;
  db: Database;
  redis?: RedisClients | null;
  logger?: FastifyServerOptions['logger'];
  webDistDir?: string;
  /** DNS for custom-domain verification; tests pass a fake. */
  domainResolver?: DomainResolver;
}

export interface AppServices {
  config: Config;
  db: Database;
  redis: RedisClients | null;
  bus: InvalidationBus;
  directory: TenantDirectory;
  metrics: Metrics;
  sessions: SessionStore;
  operatorSessions: OperatorSessionStore;
  signInGuard: SignInGuard;
  mailer: Mailer;
  usage: UsageMeter;
  rateLimiter: SchoolRateLimiter;
  counters: CounterStore;
  /** Signs short-lived form tokens (APP_SECRET, or one kept in the platform database). */
  secret: string;
  /** Every route as registered, for the access-declaration test. */
  routes: { method: string; url: string; access: RouteAccess | undefined }[];
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}

/** Builds the whole application without listening; tests drive it with app.inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const redis = deps.redis ?? null;

  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = config.trustProxy ? req.headers['x-request-id'] : undefined;
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming)
        ? incoming
        : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 200,
      constraints: {
        hostGroup: hostConstraint(config.hosts, (req) =>
          requestedHost(req, config.trustProxy),
        ) as never,
      },
    },
  });
  app.setValidatorCompiler(createValidatorCompiler());

  const metrics = createMetrics(db);
  const bus = new InvalidationBus(redis);
  const directory = new TenantDirectory(db, redis, bus, {
    max: config.tenantCacheMax,
    onLookup: (result) => metrics.tenantLookups.inc({ result }),
  });
  const counters: CounterStore = redis ? new RedisCounterStore(redis) : new MemoryCounterStore();
  const services: AppServices = {
    config,
    db,
    redis,
    bus,
    directory,
    metrics,
    sessions: new SessionStore(db, redis, bus, {
      idleMs: config.sessions.idleMs,
      maxMs: config.sessions.maxMs,
    }),
    operatorSessions: new OperatorSessionStore(db, bus, {
      idleMs: config.sessions.operatorIdleMs,
      maxMs: config.sessions.operatorMaxMs,
    }),
    signInGuard: new SignInGuard(counters, config.signIn),
    counters,
    secret: await loadAppSecret(db, config),
    mailer: new Mailer(db, config, app.log),
    usage: new UsageMeter(db, app.log, metrics.registry),
    rateLimiter: new SchoolRateLimiter(redis),
    routes: [],
  };
  app.decorate('services', services);
  app.addHook('onRoute', (route) => {
    const group = groupForKinds(route.config?.hostKinds);
    if (group) route.constraints = { ...route.constraints, hostGroup: group };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      services.routes.push({ method, url: route.url, access: route.config?.access });
    }
  });

  const shell = new HtmlShell(
    deps.webDistDir ? `${deps.webDistDir.replace(/\/?$/, '/')}` : WEB_DIST_DIR,
  );
  let demoLinks: DemoSchoolLink[] = [];
  const pages: PageContext = { shell, demoSchools: () => demoLinks };

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    hsts: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Schoolhouse API',
        version: '0.1.0',
        description:
          'The school is chosen by the host the request is sent to; no endpoint takes a school id.',
      },
    },
  });

  await app.register(cookie);
  registerErrorHandler(app, pages);
  registerTenancy(app, { hosts: config.hosts, trustProxy: config.trustProxy, directory });
  const authOptions = {
    config,
    sessions: services.sessions,
    operatorSessions: services.operatorSessions,
    requestedHost: (request: FastifyRequest) => requestedHost(request, config.trustProxy),
  };
  registerAuth(app, authOptions);
  enforceTenantGate(app);
  registerAccessChecks(app, authOptions);

  // Each school's API traffic is held to its plan's rate.
  app.addHook('onRequest', async (request) => {
    const tenant = request.tenant;
    if (!tenant || !request.url.startsWith('/api/')) return;
    const wait = services.rateLimiter.hit(tenant.id, tenant.limits.rateLimitPerMinute);
    if (wait > 0) {
      throw new AppError(
        'RATE_LIMITED',
        'This school is sending too many requests. Retry shortly.',
        undefined,
        {
          'retry-after': String(wait),
        },
      );
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/') || request.url === '/api') {
      reply.header('cache-control', 'no-store');
    }
    if (config.publicScheme === 'https' || request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const tenant = request.tenant;
    if (tenant) {
      const actor = request.actor;
      const actorKey = actor ? (actor.userId ?? `operator:${actor.operatorId}`) : null;
      services.usage.record(tenant.id, tenant.slug, reply.statusCode, reply.elapsedTime, actorKey);
    }
    metrics.requestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const assetsDir = path.join(deps.webDistDir ?? WEB_DIST_DIR, 'assets');
  if (fs.existsSync(assetsDir)) {
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      wildcard: true,
    });
  }

  registerHealthRoutes(app, { db, redis, metrics, metricsToken: config.metricsToken });
  registerSchoolProfileRoutes(app);
  registerSchoolSettingsRoutes(app);
  registerAuthRoutes(app);
  registerMeRoutes(app);
  registerUserRoutes(app);
  registerPeopleRoutes(app);
  registerRoleRoutes(app);
  registerAcademicsRoutes(app);
  registerAuditRoutes(app);
  registerImportRoutes(app);
  registerOperatorRoutes(app);
  registerSchoolTransferRoutes(app);
  registerDomains(app, { resolver: deps.domainResolver });
  registerSignupRoutes(app);
  registerSchoolAdminRoutes(app);
  registerEnrollmentRoutes(app);
  registerTimetableRoutes(app);
  registerAttendanceRoutes(app);
  registerGradebookRoutes(app);
  registerReportCardsRoutes(app);

  app.get(
    '/api/openapi.json',
    {
      config: { hostKinds: ['marketing', 'platform', 'tenant', 'custom'], access: 'public' },
      schema: { hide: true },
    },
    async () => app.swagger(),
  );

  const notFoundLimiter = new NotFoundLimiter(config.notFoundRateLimitPerMinute);
  app.setNotFoundHandler(async (request, reply) => {
    // Client-side routes of the web app: any page path on a host that has one.
    if (wantsHtml(request)) return renderPage(request, reply, pages, bootFor(request, pages));
    const wait = notFoundLimiter.hit(request.ip);
    if (wait > 0) {
      return sendError(
        request,
        reply,
        new AppError('RATE_LIMITED', 'Too many requests for missing resources.', undefined, {
          'retry-after': String(wait),
        }),
        pages,
      );
    }
    return sendError(request, reply, new AppError('ROUTE_NOT_FOUND', 'No such endpoint.'), pages);
  });

  app.addHook('onReady', async () => {
    services.usage.start();
    services.rateLimiter.start();
  });
  app.addHook('onClose', async () => {
    services.rateLimiter.stop();
    await services.usage.stop();
  });

  app.addHook('onReady', async () => {
    if (!config.demoData) return;
    const root = config.hosts.rootDomains[0] ?? 'localhost';
    const links: DemoSchoolLink[] = [];
    for (const demo of DEMO_SCHOOLS) {
      const found = directory.bySlug(demo.slug);
      const tenant = found instanceof Promise ? await found.catch(() => null) : found;
      if (tenant && gateFor(tenant, Date.now()) === 'open') {
        links.push({
          slug: tenant.slug,
          name: tenant.name,
          url: publicOrigin(config, `${tenant.slug}.${root}`),
        });
      }
    }
    demoLinks = links;
  });

  return app;
}
