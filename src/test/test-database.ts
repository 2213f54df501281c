import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, wrapPglite, type Database } from '../server/platform/db/database.js';

export interface OwnerAccess {
  /** Runs SQL as the schema owner (bypasses RLS): for catalog checks and test set-up only. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs statements in one transaction as the owner; returns the last statement's rows. */
  transaction<T = Record<string, unknown>>(statements: string[]): Promise<T[]>;
}

export interface TestDatabase {
  db: Database;
  owner: OwnerAccess;
  kind: 'pglite' | 'postgres';
  /** For PostgreSQL runs: the URL of this file's own database. */
  url: string | null;
  /** Runs SQL on an application connection outside withTenant/withPlatform (must fail). */
  outsideQuery(text: string): Promise<unknown>;
  close(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database for one test file, with the app roles and RLS active. */
export async function createTestDatabase(
  options: { poolMax?: number } = {},
): Promise<TestDatabase> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const template = inject('pgTemplateName');
    const runId = template.replace(/^sh_tmpl_/, '');
    const name = `sh_t_${runId}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const url = withDatabase(pgUrl, name);
    const db = connectPostgres({ url, poolMax: options.poolMax ?? 5, statementTimeoutMs: 10_000 });
    const ownerPool = new pg.Pool({ connectionString: url, max: 2 });
    // Dropping the database at close ends these connections; that is expected, not a failure.
    ownerPool.on('error', () => undefined);
    return {
      db,
      kind: 'postgres',
      url,
      owner: {
        async query<T>(text: string, params: unknown[] = []) {
          const result = await ownerPool.query(text, params);
          return result.rows as T[];
        },
        async transaction<T>(statements: string[]) {
          const client = await ownerPool.connect();
          try {
            await client.query('begin');
            let rows: T[] = [];
            for (const statement of statements) rows = (await client.query(statement)).rows as T[];
            await client.query('commit');
            return rows;
          } catch (error) {
            await client.query('rollback');
            throw error;
          } finally {
            client.release();
          }
        },
      },
      async outsideQuery(text: string) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query('set role app_runtime');
          return await client.query(text);
        } finally {
          await client.end();
        }
      },
      async close() {
        await db.close();
        await ownerPool.end();
        const cleanup = new pg.Client({ connectionString: pgUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }

  const file = inject('pgliteTemplatePath');
  const client = new PGlite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  await client.waitReady;
  const db = await wrapPglite(client);
  return {
    db,
    kind: 'pglite',
    url: null,
    owner: {
      async query<T>(text: string, params: unknown[] = []) {
        return client.transaction(async (tx) => {
          await tx.exec('reset role');
          const result = await tx.query<T>(text, params);
          await tx.exec('set role app_runtime');
          return result.rows;
        });
      },
      async transaction<T>(statements: string[]) {
        return client.transaction(async (tx) => {
          await tx.exec('reset role');
          let rows: T[] = [];
          for (const statement of statements) rows = (await tx.query<T>(statement)).rows;
          await tx.exec('set role app_runtime');
          return rows;
        });
      },
    },
    outsideQuery: (text: string) => client.query(text),
    async close() {
      await db.close();
    },
  };
}
