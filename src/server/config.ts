import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

// The one place that reads the process environment. Everything else receives a typed Config.

const CommaList = Type.String({ default: '' });
const Bool = Type.Union([Type.Literal('true'), Type.Literal('false')]);

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  BIND_HOST: Type.String({ minLength: 1, default: '::' }),
  ROOT_DOMAINS: Type.String({ minLength: 1, default: 'localhost' }),
  PLATFORM_SUBDOMAIN: Type.String({
    pattern: '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$',
    default: 'admin',
  }),
  PREVIEW_SUFFIXES: CommaList,
  TRUST_PROXY: { ...Bool, default: 'false' },
  PUBLIC_SCHEME: Type.Union([Type.Literal('http'), Type.Literal('https')], { default: 'http' }),
  PUBLIC_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_MIGRATION_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 15_000 }),
  DB_PREPARED_STATEMENTS: { ...Bool, default: 'true' },
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  REDIS_KEY_PREFIX: Type.String({ pattern: '^[A-Za-z0-9:_-]*$', default: '' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  APP_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  DEMO_DATA: { ...Bool, default: 'true' },
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 100 * 1024 * 1024, default: 1_048_576 }),
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 10_000 }),
  NOT_FOUND_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 120 }),
  TENANT_CACHE_MAX: Type.Integer({ minimum: 10, default: 20_000 }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 43_200, default: 480 }),
  SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 8_760, default: 168 }),
  OPERATOR_SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 1_440, default: 30 }),
  OPERATOR_SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 72, default: 12 }),
  INVITATION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 72 }),
  PASSWORD_RESET_TTL_MINUTES: Type.Integer({ minimum: 5, maximum: 1_440, default: 60 }),
  SIGN_IN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  SIGN_IN_IP_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 10_000, default: 30 }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ minLength: 3, default: 'Schoolhouse <no-reply@schoolhouse.localhost>' }),
  MAIL_OUTBOX_VISIBLE: Type.Optional(Bool),
  TRIAL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  SIGNUP_POW_BITS: Type.Integer({ minimum: 0, maximum: 24, default: 16 }),
  SIGNUP_MIN_SECONDS: Type.Integer({ minimum: 0, maximum: 600, default: 3 }),
  SIGNUP_PER_IP_PER_HOUR: Type.Integer({ minimum: 1, maximum: 10_000, default: 10 }),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  bindHost: string;
  hosts: {
    rootDomains: string[];
    platformSubdomain: string;
    previewSuffixes: string[];
  };
  trustProxy: boolean;
  publicScheme: 'http' | 'https';
  publicPort: number;
  databaseUrl: string | null;
  databaseMigrationUrl: string | null;
  dbPoolMax: number;
  dbStatementTimeoutMs: number;
  /** Named (server-side) prepared statements; off behind a transaction-mode PgBouncer. */
  dbPreparedStatements: boolean;
  dataDir: string;
  redisUrl: string | null;
  redisKeyPrefix: string;
  logLevel: string;
  appSecret: string | null;
  metricsToken: string | null;
  demoData: boolean;
  bodyLimitBytes: number;
  shutdownGraceMs: number;
  notFoundRateLimitPerMinute: number;
  tenantCacheMax: number;
  sessions: {
    idleMs: number;
    maxMs: number;
    operatorIdleMs: number;
    operatorMaxMs: number;
  };
  invitationTtlMs: number;
  passwordResetTtlMs: number;
  signIn: { maxFailures: number; perIpPerMinute: number };
  mail: { smtpUrl: string | null; from: string; outboxVisible: boolean };
  signup: { trialDays: number; powBits: number; minSeconds: number; perIpPerHour: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DOMAIN_PATTERN =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v.length > 0);
}

/** Parses and validates an environment; throws ConfigError naming every invalid key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(EnvSchema.properties);
  const input: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, input));
  const problems = new Map<string, string>();
  for (const error of Value.Errors(EnvSchema, withDefaults)) {
    const key = error.path.replace(/^\//, '') || '(root)';
    if (!problems.has(key)) {
      problems.set(key, `${key}: ${error.message} (got ${JSON.stringify(input[key] ?? null)})`);
    }
  }
  const parsed = withDefaults as Env;

  const rootDomains = problems.has('ROOT_DOMAINS') ? [] : splitList(parsed.ROOT_DOMAINS);
  if (!problems.has('ROOT_DOMAINS')) {
    const bad = rootDomains.filter((d) => !DOMAIN_PATTERN.test(d));
    if (rootDomains.length === 0 || bad.length > 0) {
      problems.set(
        'ROOT_DOMAINS',
        `ROOT_DOMAINS: expected a comma list of domains (bad: ${bad.join(', ') || 'empty'})`,
      );
    }
  }
  const previewSuffixes = splitList(parsed.PREVIEW_SUFFIXES ?? '');
  const badSuffixes = previewSuffixes.filter((d) => !DOMAIN_PATTERN.test(d));
  if (badSuffixes.length > 0) {
    problems.set('PREVIEW_SUFFIXES', `PREVIEW_SUFFIXES: not domains: ${badSuffixes.join(', ')}`);
  }

  if (problems.size > 0) throw new ConfigError([...problems.values()]);

  return {
    port: parsed.PORT,
    bindHost: parsed.BIND_HOST,
    hosts: {
      rootDomains,
      platformSubdomain: parsed.PLATFORM_SUBDOMAIN,
      previewSuffixes,
    },
    trustProxy: parsed.TRUST_PROXY === 'true',
    publicScheme: parsed.PUBLIC_SCHEME,
    publicPort: parsed.PUBLIC_PORT ?? parsed.PORT,
    databaseUrl: parsed.DATABASE_URL ?? null,
    databaseMigrationUrl: parsed.DATABASE_MIGRATION_URL ?? null,
    dbPoolMax: parsed.DB_POOL_MAX,
    dbStatementTimeoutMs: parsed.DB_STATEMENT_TIMEOUT_MS,
    dbPreparedStatements: parsed.DB_PREPARED_STATEMENTS === 'true',
    dataDir: path.resolve(parsed.DATA_DIR),
    redisUrl: parsed.REDIS_URL ?? null,
    redisKeyPrefix: parsed.REDIS_KEY_PREFIX,
    logLevel: parsed.LOG_LEVEL,
    appSecret: parsed.APP_SECRET ?? null,
    metricsToken: parsed.METRICS_TOKEN ?? null,
    demoData: parsed.DEMO_DATA === 'true',
    bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    notFoundRateLimitPerMinute: parsed.NOT_FOUND_RATE_LIMIT_PER_MINUTE,
    tenantCacheMax: parsed.TENANT_CACHE_MAX,
    sessions: {
      idleMs: parsed.SESSION_IDLE_MINUTES * 60_000,
      maxMs: parsed.SESSION_MAX_HOURS * 3_600_000,
      operatorIdleMs: parsed.OPERATOR_SESSION_IDLE_MINUTES * 60_000,
      operatorMaxMs: parsed.OPERATOR_SESSION_MAX_HOURS * 3_600_000,
    },
    invitationTtlMs: parsed.INVITATION_TTL_HOURS * 3_600_000,
    passwordResetTtlMs: parsed.PASSWORD_RESET_TTL_MINUTES * 60_000,
    signIn: {
      maxFailures: parsed.SIGN_IN_MAX_FAILURES,
      perIpPerMinute: parsed.SIGN_IN_IP_PER_MINUTE,
    },
    signup: {
      trialDays: parsed.TRIAL_DAYS,
      powBits: parsed.SIGNUP_POW_BITS,
      minSeconds: parsed.SIGNUP_MIN_SECONDS,
      perIpPerHour: parsed.SIGNUP_PER_IP_PER_HOUR,
    },
    mail: {
      smtpUrl: parsed.SMTP_URL ?? null,
      from: parsed.MAIL_FROM,
      // Without a mail server, admins read the outbox in the app so flows can be completed.
      outboxVisible: parsed.MAIL_OUTBOX_VISIBLE
        ? parsed.MAIL_OUTBOX_VISIBLE === 'true'
        : parsed.SMTP_URL === undefined,
    },
  };
}

/** The origin a browser uses for a host, e.g. http://greenwood.localhost:3000. */
export function publicOrigin(config: Config, host: string): string {
  const defaultPort = config.publicScheme === 'https' ? 443 : 80;
  const port = config.publicPort === defaultPort ? '' : `:${config.publicPort}`;
  return `${config.publicScheme}://${host}${port}`;
}

export function primaryRoot(config: Config): string {
  const root = config.hosts.rootDomains[0];
  if (root === undefined) throw new Error('ROOT_DOMAINS is empty');
  return root;
}
