import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePglite, migratePostgres } from '../server/platform/db/database.js';

// Migrate once per run: a PGlite data-directory dump that each test file loads, or, with
// TEST_DATABASE_URL, a PostgreSQL template database that each test file clones.

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    pgTemplateName: string;
  }
}

const runId = `${process.pid}_${Date.now().toString(36)}`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const template = `sh_tmpl_${runId}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await migratePostgres(withDatabase(pgUrl, template));
    project.provide('pgTemplateName', template);
    project.provide('pgliteTemplatePath', '');
    return async () => {
      const leftovers = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'sh_t_${runId}%' or datname = $1`,
        [template],
      );
      for (const row of leftovers.rows) {
        await admin.query(`drop database if exists ${row.datname} with (force)`);
      }
      await admin.end();
    };
  }

  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${runId}.tar`);
  const client = new PGlite();
  await migratePglite(client);
  const dump = await client.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteTemplatePath', file);
  project.provide('pgTemplateName', '');
  return async () => {
    fs.rmSync(file, { force: true });
  };
}
