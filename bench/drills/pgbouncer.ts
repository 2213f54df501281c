// Drill 5: the app behind PgBouncer in transaction pooling mode. A private PgBouncer on a free
// port forwards every database to the BENCH_DATABASE_URL server. The app logs in through it as
// a role that owns nothing (docs/decisions/005), migrations and owner access stay direct.
//   - what PgBouncer does to the pool's startup parameter statement_timeout;
//   - what the pool's session-level `SET ROLE app_runtime` does to other clients of the same
//     login behind a transaction pooler (with the owner login, and with the app login);
//   - the load benchmark's cross-school checks against the app through PgBouncer;
//   - the integration suite with the application's connections through PgBouncer, and (with
//     --raw-suite) the unmodified suite with TEST_DATABASE_URL itself pointing at PgBouncer.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, run, startProcess, stopProcess, type Process } from '../lib/processes.js';
import { checkedAppScenarios, runScenario, type Figure } from '../lib/scenarios.js';
import {
  drillResult,
  LOG_DIR,
  startApp,
  type Check,
  type DrillContext,
  type DrillResult,
} from './common.js';

const SUITE_TIMEOUT_MS = 240_000;

async function pgbouncerBinary(ctx: DrillContext): Promise<string> {
  const known = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];
  const found = known.find((p) => fs.existsSync(p));
  if (found) return found;
  if (process.getuid?.() !== 0)
    throw new Error('pgbouncer is not installed (apt-get install pgbouncer needs root)');
  ctx.log('installing pgbouncer with apt-get');
  try {
    await run('apt-get', ['install', '-y', 'pgbouncer'], 300_000);
  } catch {
    await run('apt-get', ['update'], 300_000);
    await run('apt-get', ['install', '-y', 'pgbouncer'], 300_000);
  }
  const installed = known.find((p) => fs.existsSync(p));
  if (!installed) throw new Error('pgbouncer is still not installed');
  return installed;
}

interface Bouncer {
  port: number;
  proc: Process;
  stop: () => Promise<void>;
}

async function startBouncer(
  ctx: DrillContext,
  binary: string,
  dir: string,
  settings: { upstream: URL; dbName: string; ignoreStatementTimeout: boolean; label: string },
): Promise<Bouncer> {
  const port = await freePort();
  const { upstream } = settings;
  const server = `host=${upstream.hostname} port=${upstream.port || '5432'}`;
  const ini = path.join(dir, `${settings.label}.ini`);
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      // One server connection per (database, user): makes a leaked session setting observable.
      `leakprobe = ${server} dbname=${settings.dbName} pool_size=1`,
      `* = ${server}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 20',
      'admin_users =',
      'stats_users =',
      settings.ignoreStatementTimeout ? 'ignore_startup_parameters = statement_timeout' : '',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  // PgBouncer refuses to run as root; it drops to the postgres user after reading its files.
  const args = process.getuid?.() === 0 ? ['-u', 'postgres', ini] : [ini];
  const proc = await startProcess(binary, args, {
    name: `pgbouncer ${settings.label} :${port}`,
    ready: /process up|listening on 127\.0\.0\.1/,
    timeoutMs: 10_000,
  });
  const stop = ctx.cleanup.add(`stop pgbouncer ${settings.label}`, () =>
    stopProcess(proc, 'SIGTERM', 5_000),
  );
  return { port, proc, stop };
}

function withLogin(base: string, port: number, user: string, password: string, db: string): string {
  const url = new URL(base);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  url.username = user;
  url.password = password;
  url.pathname = `/${db}`;
  return url.toString();
}

/** Runs one statement on a fresh client; the error message instead of throwing. */
async function once(
  url: string,
  statement: string,
  extra: pg.ClientConfig = {},
): Promise<{ rows: Record<string, unknown>[] } | { error: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, ...extra });
  try {
    await client.connect();
    return { rows: (await client.query(statement)).rows as Record<string, unknown>[] };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const show = (r: { rows: Record<string, unknown>[] } | { error: string }) =>
  'error' in r ? `error: ${r.error}` : JSON.stringify(r.rows[0] ?? {});

interface UnhandledError {
  code: string;
  user: string;
  port: number;
  database: string;
}

interface SuiteRun {
  exitCode: number | null;
  seconds: number;
  files: string;
  tests: string;
  /** Every test file and test ran and passed. */
  allPassed: boolean;
  failures: string[];
  /** Errors Vitest caught outside any test, with the connection they came from when known. */
  unhandled: (UnhandledError | string)[];
}

async function vitest(
  label: string,
  args: string[],
  env: Record<string, string>,
): Promise<SuiteRun> {
  const started = Date.now();
  const childEnv: Record<string, string> = { ...env };
  const proc = await startProcess('npx', ['vitest', 'run', 'src/server', ...args], {
    name: 'vitest',
    env: childEnv,
    ready: /./,
    timeoutMs: 60_000,
    keepOutputBytes: 2 * 1024 * 1024,
  });
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), SUITE_TIMEOUT_MS);
  const exited = await proc.exited;
  clearTimeout(timer);
  // eslint-disable-next-line no-control-regex
  const text = proc.output().replace(/\u001b\[[0-9;]*m/g, '');
  fs.mkdirSync(LOG_DIR, { recursive: true });
  fs.writeFileSync(path.join(LOG_DIR, `suite-${label}.log`), text);
  const line = (label: string) =>
    new RegExp(`^\\s*${label}\\s+(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '?';
  const failures = [
    ...new Set(
      [...text.matchAll(/^(?:error|Error|TypeError): (.+)$/gm)].map((m) =>
        (m[1] ?? '').replace(/sh_(tmpl|t)_\w+/g, 'sh_…'),
      ),
    ),
  ].slice(0, 6);
  const files = line('Test Files');
  const tests = line('Tests');
  const allPassed = [files, tests].every((l) => /^(\d+) passed \(\1\)$/.test(l));
  const unhandled: (UnhandledError | string)[] = [];
  const caught = Number(/Vitest caught (\d+) unhandled error/.exec(text)?.[1] ?? 0);
  for (const m of text.matchAll(
    /^Serialized Error: .*?code: '(\w+)'.*?connectionParameters: \{ user: '([^']*)', database: '([^']*)', port: (\d+)/gm,
  )) {
    unhandled.push({
      code: m[1] ?? '',
      user: m[2] ?? '',
      database: m[3] ?? '',
      port: Number(m[4]),
    });
  }
  while (unhandled.length < caught) unhandled.push('unhandled error (see the suite log)');
  return {
    exitCode: exited.code,
    seconds: Math.round((Date.now() - started) / 1_000),
    files,
    tests,
    allPassed,
    failures,
    unhandled,
  };
}

/**
 * A known race in src/test/test-database.ts close(): `drop database … with (force)` terminates
 * an owner-pool backend that `ownerPool.end()` is still closing; the pool has no 'error'
 * listener, so the FATAL 57P01 becomes an uncaught exception. It happens on the harness's
 * direct owner connection, not on the app's PgBouncer one, in code that runs the same way
 * without PgBouncer.
 */
function harnessTeardownRace(error: UnhandledError | string, directPort: number): boolean {
  return typeof error !== 'string' && error.code === '57P01' && error.port === directPort;
}

export async function pgbouncerDrill(
  ctx: DrillContext,
  options: { rawSuite: boolean },
): Promise<DrillResult> {
  const binary = await pgbouncerBinary(ctx);
  const version = (await run(binary, ['--version'], 10_000)).stdout.split('\n')[0]?.trim() ?? '?';
  const upstream = new URL(ctx.serverUrl);
  const directPort = Number(upstream.port || '5432');
  const ownerUser = decodeURIComponent(upstream.username || 'postgres');
  const ownerPassword = decodeURIComponent(upstream.password);
  const appUser = `sh_drill_app_${process.pid}`;
  const appPassword = randomBytes(18).toString('base64url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schoolhouse-pgbouncer-'));
  fs.chmodSync(dir, 0o755);
  ctx.cleanup.add('remove the PgBouncer directory', async () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
  fs.writeFileSync(
    path.join(dir, 'userlist.txt'),
    `"${ownerUser}" "${ownerPassword}"\n"${appUser}" "${appPassword}"\n`,
    { mode: 0o644 },
  );

  // The app's login: owns nothing, inherits nothing, may switch to the three app roles.
  const admin = new pg.Client({ connectionString: ctx.dbUrl });
  await admin.connect();
  ctx.cleanup.add(`drop role ${appUser}`, async () => {
    const c = new pg.Client({ connectionString: ctx.serverUrl });
    await c.connect();
    await c.query(`drop role if exists ${appUser}`).finally(() => c.end());
  });
  try {
    await admin.query(`create role ${appUser} login noinherit password '${appPassword}'`);
    await admin.query(`grant app_runtime, app_tenant, app_platform to ${appUser}`);
  } finally {
    await admin.end();
  }
  const notes: string[] = [];

  // 1. statement_timeout as a startup parameter, as node-postgres sends it.
  const strict = await startBouncer(ctx, binary, dir, {
    upstream,
    dbName: ctx.dbName,
    ignoreStatementTimeout: false,
    label: 'strict',
  });
  const rejected = await once(
    withLogin(ctx.serverUrl, strict.port, appUser, appPassword, ctx.dbName),
    'show statement_timeout',
    { statement_timeout: 15_000 },
  );
  await strict.stop();
  const bouncer = await startBouncer(ctx, binary, dir, {
    upstream,
    dbName: ctx.dbName,
    ignoreStatementTimeout: true,
    label: 'drill',
  });
  const appUrl = withLogin(ctx.serverUrl, bouncer.port, appUser, appPassword, ctx.dbName);
  // Asked as the owner login: the app login must open its first server connection only after
  // the role-level setting below (settings apply when a server connection starts).
  const dropped = await once(
    withLogin(ctx.serverUrl, bouncer.port, ownerUser, ownerPassword, ctx.dbName),
    'show statement_timeout',
    { statement_timeout: 15_000 },
  );
  {
    const c = new pg.Client({ connectionString: ctx.serverUrl });
    await c.connect();
    await c.query(`alter role ${appUser} set statement_timeout = '15s'`).finally(() => c.end());
  }
  const roleLevel = await once(appUrl, 'show statement_timeout', { statement_timeout: 15_000 });
  ctx.log(
    `${version} on :${bouncer.port}; statement_timeout: ${show(rejected)} → ${show(dropped)} → ${show(roleLevel)}`,
  );

  // 2. The pool's session-level SET ROLE behind a transaction pooler (pool_size = 1).
  const probe = (user: string, password: string) =>
    withLogin(ctx.serverUrl, bouncer.port, user, password, 'leakprobe');
  const ownerProbe = probe(ownerUser, ownerPassword);
  await once(ownerProbe, 'set role app_runtime');
  const ownerSeen = await once(ownerProbe, 'select current_user as role');
  const ownerQuery = await once(ownerProbe, 'select count(*)::int as schools from schools');
  await once(ownerProbe, 'reset role');
  const appProbe = probe(appUser, appPassword);
  await once(appProbe, 'set role app_runtime');
  const appStray = await once(appProbe, 'select count(*)::int as schools from schools');
  await once(appProbe, 'reset role');
  const appReset = await once(appProbe, 'select count(*)::int as schools from schools');
  const denied = (r: { error: string } | { rows: unknown[] }) =>
    'error' in r && /permission denied/.test(r.error);

  // 3. The load benchmark's cross-school checks, the app's pool going through PgBouncer.
  const node = await startApp(ctx, 'node Q (PgBouncer)', {
    DATABASE_URL: appUrl,
    DATABASE_MIGRATION_URL: ctx.dbUrl,
    DB_POOL_MAX: '20',
    DB_PREPARED_STATEMENTS: 'false',
  });
  const figures: Figure[] = [];
  let serverConnections = 0;
  for (const scenario of checkedAppScenarios(node.port)) {
    const sampling = (async () => {
      await new Promise((r) => setTimeout(r, 1_000));
      const c = new pg.Client({ connectionString: ctx.serverUrl });
      await c.connect();
      const n = await c
        .query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where usename = $1`,
          [appUser],
        )
        .finally(() => c.end());
      serverConnections = Math.max(serverConnections, n.rows[0]?.n ?? 0);
    })();
    figures.push(await runScenario(scenario, ctx.loadSchools, { connections: 20, seconds: 2 }));
    await sampling;
  }
  await node.stop();

  // 4. The integration suite, the application's connections through PgBouncer.
  ctx.log('integration suite: app connections through PgBouncer, owner and templates direct');
  const baseEnv = { REDIS_URL: '', TEST_DATABASE_URL: ctx.serverUrl };
  const pooled = await vitest('pooled', ['--config', 'bench/lib/vitest.pooled.config.ts'], {
    ...baseEnv,
    BENCH_POOLED_APP_URL: withLogin(ctx.serverUrl, bouncer.port, appUser, appPassword, 'postgres'),
  });
  let raw: SuiteRun | null = null;
  if (options.rawSuite) {
    ctx.log('unmodified suite with TEST_DATABASE_URL through PgBouncer (informational)');
    raw = await vitest('raw', [], {
      ...baseEnv,
      TEST_DATABASE_URL: withLogin(
        ctx.serverUrl,
        bouncer.port,
        ownerUser,
        ownerPassword,
        'postgres',
      ),
    });
  }
  await bouncer.stop();

  const failedScenarios = figures.filter(
    (f) => f.crossSchool > 0 || f.serverErrors > 0 || f.errors > 0 || f.checked === 0,
  );
  const checks: Check[] = [
    {
      name: 'cross-school checks through PgBouncer: no foreign answer, no 5xx, no errors',
      pass: failedScenarios.length === 0 && serverConnections > 0,
      detail:
        figures
          .map(
            (f) =>
              `${f.name}: ${f.crossSchool}/${f.checked} cross-school, ${f.serverErrors} 5xx, ${f.errors} errors, ${Math.round(f.requestsPerSecond)} req/s`,
          )
          .join('; ') + `; up to ${serverConnections} server connections as ${appUser}`,
    },
    {
      name: 'integration suite with the app connections through PgBouncer',
      pass: pooled.allPassed && pooled.unhandled.every((e) => harnessTeardownRace(e, directPort)),
      detail:
        `files ${pooled.files}; tests ${pooled.tests}; exit ${pooled.exitCode}; ${pooled.seconds} s` +
        (pooled.unhandled.length
          ? `; unhandled: ${pooled.unhandled.map((e) => (typeof e === 'string' ? e : `${e.code} on ${e.user}@:${e.port}/${e.database.replace(/_\w+$/, '_…')}`)).join(', ')}`
          : '') +
        (pooled.allPassed || !pooled.failures.length ? '' : ` — ${pooled.failures.join(' | ')}`),
    },
    {
      name: 'app login: a query outside withTenant/withPlatform is refused whatever the session role',
      pass: denied(appStray) && denied(appReset),
      detail: `after another client's SET ROLE: ${show(appStray)}; after RESET ROLE: ${show(appReset)}`,
    },
  ];
  const ownerLeaked = 'rows' in ownerSeen && ownerSeen.rows[0]?.role === 'app_runtime';
  notes.push(
    `statement_timeout as a startup parameter: ${version} refuses it (${show(rejected)}); with ` +
      `ignore_startup_parameters it is dropped silently (${show(dropped)}); on the login role it ` +
      `applies (${show(roleLevel)}). The app sends none: it sets DB_STATEMENT_TIMEOUT_MS inside each ` +
      'transaction (decision 014), which PgBouncer passes through.',
    ownerLeaked
      ? `Session SET ROLE leaks across clients of one login: after one client of the owner login ran SET ROLE ` +
          `app_runtime, another client saw ${show(ownerSeen)} and its owner query failed (${show(ownerQuery)}). ` +
          'With the owner as the pooled login, the app pool turns owner connections (tests, scripts, ' +
          'migrations through the pooler) into app_runtime at random, and its own connections that never ' +
          'ran the SET ROLE stay the owner between transactions.'
      : `No leak observed with the owner login: ${show(ownerSeen)}, ${show(ownerQuery)}.`,
  );
  if (pooled.unhandled.some((e) => harnessTeardownRace(e, directPort))) {
    notes.push(
      'The suite run hit a race in the test harness, not in PgBouncer: src/test/test-database.ts ' +
        'close() drops the database WITH (FORCE) while ownerPool.end() is still closing a direct ' +
        'connection; the FATAL 57P01 reaches a pool without an error listener and Vitest reports an ' +
        'uncaught exception (exit 1) although every test passed. It is not counted as a failure here.',
    );
  }
  if (raw) {
    notes.push(
      `Unmodified suite with TEST_DATABASE_URL through PgBouncer: exit ${raw.exitCode}, files ${raw.files}, ` +
        `tests ${raw.tests}, ${raw.seconds} s${raw.failures.length ? ` — ${raw.failures.join(' | ')}` : ''}`,
    );
  }
  return drillResult(
    '5',
    'PgBouncer, transaction pooling',
    checks,
    `cross-school ${figures.reduce((n, f) => n + f.crossSchool, 0)}/${figures.reduce((n, f) => n + f.checked, 0)}, ` +
      `5xx ${figures.reduce((n, f) => n + f.serverErrors, 0)}; suite ${pooled.tests}`,
    {
      pgbouncer: version,
      appLogin: appUser,
      statementTimeout: {
        strict: show(rejected),
        ignored: show(dropped),
        roleLevel: show(roleLevel),
      },
      sessionRoleLeak: {
        ownerSeen: show(ownerSeen),
        ownerQuery: show(ownerQuery),
        appStray: show(appStray),
        appAfterReset: show(appReset),
      },
      scenarios: figures,
      serverConnections,
      suite: pooled,
      rawSuite: raw,
    },
    notes,
  );
}
