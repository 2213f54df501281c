import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

// The only module that creates database handles. Application code reaches data exclusively
// through withTenant / withPlatform: each opens a transaction, switches to the RLS-bound role
// with SET LOCAL semantics (set_config(..., true)) and, for tenants, pins app.school_id for that
// transaction only. Between transactions a connection sits as app_runtime, which is granted
// nothing, so a query issued outside these two functions fails instead of leaking.

/** What raw `tx.execute` returns on both drivers: node-postgres and PGlite both carry rows. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<this['row']>;
}

export interface RowsResult<Row> {
  rows: (Row extends Record<string, unknown> ? Row : Record<string, unknown>)[];
  rowCount?: number | null;
  affectedRows?: number;
}

export type Tx = PgTransaction<
  RowsResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;

export const MIGRATIONS_FOLDER = fileURLToPath(
  new URL('../../../../db/migrations', import.meta.url),
);

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  withTenant<T>(schoolId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** Who a transaction acts as: a school (RLS-bound to it) or the platform. */
type Scope = { role: 'app_tenant'; schoolId: string } | { role: 'app_platform' };

type Runner = <T>(scope: Scope, fn: (tx: Tx) => Promise<T>) => Promise<T>;

function scoped(run: Runner): Pick<Database, 'withTenant' | 'withPlatform'> {
  return {
    withTenant(schoolId, fn) {
      if (!UUID_PATTERN.test(schoolId)) {
        return Promise.reject(
          new Error(`withTenant needs a school id, got ${JSON.stringify(schoolId)}`),
        );
      }
      return run({ role: 'app_tenant', schoolId }, fn);
    },
    withPlatform(fn) {
      return run({ role: 'app_platform' }, fn);
    },
  };
}

async function enterScope(tx: Tx, scope: Scope): Promise<void> {
  await tx.execute(
    sql`select set_config('role', ${scope.role}, true), set_config('app.school_id', ${scope.role === 'app_tenant' ? scope.schoolId : ''}, true)`,
  );
}

/**
 * Inside a withPlatform transaction that has just created a school, continues as that school's
 * tenant (same transaction, RLS-bound role) so the school and its first rows commit together or
 * not at all. Platform tables are out of reach from here on.
 */
export async function continueAsNewTenant(tx: Tx, schoolId: string): Promise<void> {
  if (!UUID_PATTERN.test(schoolId))
    throw new Error(`continueAsNewTenant needs a school id, got ${JSON.stringify(schoolId)}`);
  await tx.execute(
    sql`select set_config('role', 'app_tenant', true), set_config('app.school_id', ${schoolId}, true)`,
  );
}

/** Connection failures that mean "the database is not there right now", answered with 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps driver errors ("Failed query: …") with the driver's error as the cause.
  for (
    let cause = (error as { cause?: unknown } | null)?.cause, depth = 0;
    cause && depth < 4;
    depth++
  ) {
    if (isDatabaseUnavailable(cause)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code))
      return true;
    // 57P0x: admin/crash shutdown, cannot connect now; 08xxx: connection exceptions; 53300: too many connections.
    if (/^(57P0[1-3]|08\d{3}|53300)$/.test(code)) return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (server mode)

export interface PostgresOptions {
  url: string;
  migrationUrl?: string | null;
  poolMax: number;
  statementTimeoutMs: number;
  /** Name each statement so PostgreSQL parses and plans it once per connection (default on). */
  preparedStatements?: boolean;
  connectTimeoutMs?: number;
  onPoolError?: (error: Error) => void;
}

export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several nodes may start together; one migrates while the others wait.
    await client.query('select pg_advisory_lock(7031966001)');
    await migrateNodePg(drizzleNodePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock(7031966001)').catch(() => undefined);
    await client.end();
  }
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  await migratePostgres(options.migrationUrl ?? options.url);
  return connectPostgres(options);
}

// Named statements: node-postgres sends Parse once per connection for a name it has not seen
// there, and PostgreSQL keeps the statement, so a repeated query skips parsing and, after a
// few executions, planning (a generic plan). The plan stays correct under RLS: the policies
// read app.school_id at execution, and PostgreSQL re-plans when the role changes. Each
// connection names at most MAX_NAMED distinct texts (queries with variable-length IN lists
// would otherwise grow without bound); beyond that, statements go unnamed as before.
// A transaction-mode PgBouncer does not keep a server connection per client connection, so
// there the option must be off (DB_PREPARED_STATEMENTS=false).
const MAX_NAMED = 500;
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `sh_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    // The texts are the app's own queries, a bounded set; the cap only guards the unexpected.
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

function namingStatements(client: pg.PoolClient): pg.PoolClient {
  const known = new Set<string>();
  const query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (
      config &&
      typeof config === 'object' &&
      typeof (config as pg.QueryConfig).text === 'string' &&
      !(config as pg.QueryConfig).name
    ) {
      const text = (config as pg.QueryConfig).text;
      if (known.has(text) || known.size < MAX_NAMED) {
        known.add(text);
        const named = { ...(config as pg.QueryConfig), name: statementName(text) };
        return client.query(named as never, values as never, callback as never);
      }
    }
    return client.query(config as never, values as never, callback as never);
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/**
 * The Drizzle handle over one pooled connection, made once per connection (not per
 * transaction): the pool hands out the same clients again and again.
 */
const handles = new WeakMap<pg.PoolClient, Tx>();

function handleFor(client: pg.PoolClient, preparedStatements: boolean): Tx {
  let handle = handles.get(client);
  if (!handle) {
    const session = preparedStatements ? namingStatements(client) : client;
    handle = drizzleNodePg(session) as unknown as Tx;
    handles.set(client, handle);
  }
  return handle;
}

/** Connects without migrating (the schema must already be current). */
export function connectPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    application_name: 'schoolhouse',
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  pool.on('connect', (client) => {
    // A checked-out client whose server goes away emits 'error' on itself, not on the pool;
    // unheard, that would end the process. The pending query fails and the caller answers 503.
    client.on('error', (error: Error) => options.onPoolError?.(error));
    // Queued before any caller's query on this client.
    client.query('set role app_runtime').catch((error: Error) => options.onPoolError?.(error));
  });
  // A transaction starts in one round trip: BEGIN and the settings go as one simple-protocol
  // message. That is safe without parameters because the only value, the school id, has been
  // checked against UUID_PATTERN and the role is one of two constants. The statement timeout is
  // set here too (transaction-local), not as a connection parameter, so the pool also works
  // through PgBouncer in transaction mode, which refuses unknown startup parameters.
  const timeoutMs = Math.max(0, Math.trunc(options.statementTimeoutMs));
  const run: Runner = async (scope, fn) => {
    const schoolId = scope.role === 'app_tenant' ? scope.schoolId : '';
    if (schoolId !== '' && !UUID_PATTERN.test(schoolId)) throw new Error('invalid school id');
    const client = await pool.connect();
    let discard: Error | undefined;
    try {
      await client.query(
        `begin; select set_config('role', '${scope.role}', true), ` +
          `set_config('app.school_id', '${schoolId}', true), ` +
          `set_config('statement_timeout', '${timeoutMs}', true)`,
      );
      const result = await fn(handleFor(client, options.preparedStatements !== false));
      await client.query('commit');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is discarded, not returned to the pool.
      await client.query('rollback').catch((rollbackError: Error) => {
        discard = rollbackError;
      });
      throw error;
    } finally {
      client.release(discard);
    }
  };
  return {
    kind: 'postgres',
    ...scoped(run),
    async ping() {
      await pool.query('select 1');
    },
    poolStats() {
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    },
    async close() {
      await pool.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PGlite (embedded mode)

export async function migratePglite(client: PGlite): Promise<void> {
  await migrateWithPglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
}

/**
 * Wraps a migrated PGlite instance. PGlite's single session is a superuser, and superusers
 * bypass RLS even when it is forced, so between transactions the session sits as app_runtime,
 * exactly like a pooled PostgreSQL connection; each transaction then takes the tenant or
 * platform role locally.
 */
export async function wrapPglite(client: PGlite, onClose?: () => Promise<void>): Promise<Database> {
  await client.exec('set role app_runtime');
  const db = drizzlePglite(client);
  const run: Runner = (scope, fn) =>
    db.transaction(async (tx) => {
      await enterScope(tx as unknown as Tx, scope);
      return fn(tx as unknown as Tx);
    });
  return {
    kind: 'pglite',
    ...scoped(run),
    async ping() {
      await client.query('select 1');
    },
    poolStats() {
      return { total: 1, idle: 1, waiting: 0 };
    },
    async close() {
      await client.close();
      await onClose?.();
    },
  };
}
