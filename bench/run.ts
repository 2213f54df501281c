// `npm run bench`: prints Schoolhouse's performance figures as a Markdown table and writes
// them as JSON to bench/results/latest.json. With BENCH_DATABASE_URL (a PostgreSQL server URL,
// e.g. postgres://postgres@127.0.0.1:5432/postgres) the database figures come from a fresh
// database on that server; otherwise from embedded PGlite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import {
  connectPostgres,
  migratePglite,
  migratePostgres,
  wrapPglite,
  type Database,
} from '../src/server/platform/db/database.js';
import { benchTenantList, seedSchools } from './tenant-list.js';
import { benchTenantResolution } from './tenant-resolution.js';

const { values } = parseArgs({ options: { schools: { type: 'string', default: '10000' } } });
const schoolCount = Number(values.schools);

const results: Record<string, unknown> = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  at: new Date().toISOString(),
};
const rows: string[][] = [
  ['measure', 'figure', 'target'],
  ['---', '---', '---'],
];

const resolution = await benchTenantResolution();
results.tenantResolution = resolution;
rows.push(
  [
    `tenant resolution, warm cache (${resolution.schools} schools)`,
    `${(resolution.nsPerResolution / 1000).toFixed(2)} µs`,
    '< 5 µs',
  ],
  ['host classification alone', `${(resolution.nsPerClassification / 1000).toFixed(2)} µs`, ''],
);

async function openBenchDatabase(): Promise<{
  db: Database;
  kind: string;
  owner: (text: string) => Promise<unknown>;
  close: () => Promise<void>;
}> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const name = `schoolhouse_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migratePostgres(url.toString());
    const ownerPool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    // Dropping the database at the end ends any connection still open; that is expected.
    ownerPool.on('error', () => undefined);
    const db = connectPostgres({ url: url.toString(), poolMax: 10, statementTimeoutMs: 60_000 });
    return {
      db,
      kind: 'PostgreSQL',
      owner: (text) => ownerPool.query(text),
      async close() {
        await db.close();
        await ownerPool.end();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const client = new PGlite();
  await migratePglite(client);
  const owner = async (text: string) => {
    await client.exec('reset role');
    try {
      return await client.exec(text);
    } finally {
      await client.exec('set role app_runtime');
    }
  };
  const db = await wrapPglite(client);
  return { db, kind: 'PGlite', owner, close: () => db.close() };
}

const database = await openBenchDatabase();
try {
  process.stdout.write(`Seeding ${schoolCount} schools on ${database.kind}...\n`);
  await seedSchools(database.owner, schoolCount);
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
    db: database.db,
    logger: false,
  });
  await app.ready();
  const list = await benchTenantList(database.db, app.services);
  await app.close();
  results.tenantList = { database: database.kind, schools: schoolCount, figures: list };
  for (const f of list) {
    rows.push([
      `school list, ${f.case} (${schoolCount} schools, ${database.kind})`,
      `p50 ${f.p50Ms.toFixed(2)} ms, p99 ${f.p99Ms.toFixed(2)} ms`,
      '',
    ]);
  }
} finally {
  await database.close();
}

process.stdout.write(`\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n`);
const dir = path.resolve('bench/results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`Wrote ${path.join(dir, 'latest.json')}\n`);
