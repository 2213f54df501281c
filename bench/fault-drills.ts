// Fault drills: break Redis, PostgreSQL and the process itself under load, and check that the
// app degrades the way docs/architecture.md says it does. Each drill prints PASS/FAIL with
// its figures; the run ends with a summary table, writes bench/results/fault-drills.json and
// exits non-zero when any drill fails.
//
//   npm run build && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:drills
//   npm run bench:drills -- --only 1,3        (a subset)
//   npm run bench:drills -- --raw-suite       (also run the unmodified suite through PgBouncer)
//
// Everything it starts is private and thrown away: a redis-server on a free port, a PostgreSQL
// cluster made with pg_createcluster (drill 2, needs root), a PgBouncer on a free port (drill
// 5), databases named schoolhouse_drill*_<pid>. All traffic goes to 127.0.0.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Secret } from 'otpauth';
import pg from 'pg';
import { migratePostgres } from '../src/server/platform/db/database.js';
import { buildDataset, dbUrl, seedOperator } from './lib/dataset.js';
import { Cleanup, failedDrill, type DrillContext, type DrillResult } from './drills/common.js';
import { pgbouncerDrill } from './drills/pgbouncer.js';
import { postgresRestartDrill } from './drills/postgres-restart.js';
import { redisDrills } from './drills/redis-outage.js';
import { sigtermDrill } from './drills/sigterm.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: '1,2,3,4,5' },
    'raw-suite': { type: 'boolean', default: false },
  },
});
const only = new Set(values.only.split(',').map((s) => s.trim()));
const LOAD_SCHOOLS = 300;
const RESERVED_SCHOOLS = 10;
/** Nothing here may run longer than this; past it, clean up and fail. */
const WATCHDOG_MS = 9 * 60_000;

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  process.stderr.write(
    'Set BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres\n',
  );
  process.exit(2);
}
if (!fs.existsSync('dist/server/main.js')) {
  process.stderr.write('Build first: npm run build\n');
  process.exit(2);
}

const runStarted = Date.now();
const log = (message: string) =>
  process.stdout.write(
    `  [${((Date.now() - runStarted) / 1_000).toFixed(1).padStart(5)} s] ${message}\n`,
  );
const cleanup = new Cleanup();
let interrupted = false;
const abort = (reason: string) => {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write(`\n${reason}: cleaning up…\n`);
  void cleanup.runAll().finally(() => process.exit(130));
};
process.on('SIGINT', () => abort('interrupted'));
process.on('SIGTERM', () => abort('terminated'));
const watchdog = setTimeout(
  () => abort(`still running after ${WATCHDOG_MS / 60_000} min`),
  WATCHDOG_MS,
);
watchdog.unref();

const results: DrillResult[] = [];
const dbName = `schoolhouse_drills_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
cleanup.add('close the admin connection', () => admin.end());
try {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  cleanup.add(`drop database ${dbName}`, () =>
    admin.query(`drop database if exists ${dbName} with (force)`),
  );
  const url = dbUrl(serverUrl, dbName);
  await migratePostgres(url);
  const schools = await buildDataset(url, {
    schools: LOAD_SCHOOLS + RESERVED_SCHOOLS,
    students: 3,
  });
  const operator = await seedOperator(url, new Secret({ size: 20 }).base32);
  const byIndex = [...schools].sort((x, y) => x.index - y.index);
  const ctx: DrillContext = {
    serverUrl,
    dbUrl: url,
    dbName,
    loadSchools: byIndex.slice(0, LOAD_SCHOOLS),
    reserved: byIndex.slice(LOAD_SCHOOLS),
    operator,
    cleanup,
    log,
  };
  log(`database ${dbName}: ${schools.length} schools, an operator with a known TOTP secret`);

  const drills: { ids: string[]; names: string[]; run: () => Promise<DrillResult[]> }[] = [
    {
      ids: ['1', '4'],
      names: ['Redis outage under load', 'Two nodes: suspension propagates'],
      run: () => redisDrills(ctx),
    },
    {
      ids: ['3'],
      names: ['SIGTERM during keep-alive load'],
      run: async () => [await sigtermDrill(ctx)],
    },
    {
      ids: ['2'],
      names: ['PostgreSQL restart under load'],
      run: async () => [await postgresRestartDrill(ctx)],
    },
    {
      ids: ['5'],
      names: ['PgBouncer in transaction pooling mode'],
      run: async () => [await pgbouncerDrill(ctx, { rawSuite: values['raw-suite'] })],
    },
  ];
  for (const drill of drills) {
    const wanted = drill.ids.filter((id) => only.has(id));
    if (wanted.length === 0 || interrupted) continue;
    process.stdout.write(`\n▶ Drill ${drill.ids.join(' + ')}: ${drill.names.join('; ')}\n`);
    let produced: DrillResult[];
    try {
      produced = await drill.run();
    } catch (error) {
      produced = drill.ids.map((id, i) => failedDrill(id, drill.names[i] ?? id, error));
    }
    for (const result of produced.filter((r) => wanted.includes(r.id))) {
      results.push(result);
      process.stdout.write(
        `${result.pass ? 'PASS' : 'FAIL'}  drill ${result.id}: ${result.name}\n`,
      );
      for (const check of result.checks) {
        process.stdout.write(
          `  ${check.pass ? 'pass' : 'FAIL'}  ${check.name} — ${check.detail}\n`,
        );
      }
      for (const note of result.notes) process.stdout.write(`  note  ${note}\n`);
    }
  }
} finally {
  await cleanup.runAll();
}
if (interrupted) process.exit(130);

results.sort((x, y) => Number(x.id) - Number(y.id));
const table = [
  '| drill | result | figures |',
  '| --- | --- | --- |',
  ...results.map((r) => `| ${r.id}. ${r.name} | ${r.pass ? 'PASS' : 'FAIL'} | ${r.headline} |`),
].join('\n');
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const seconds = Math.round((Date.now() - runStarted) / 1_000);
process.stdout.write(`\nFault drills — ${machine}, ${seconds} s\n\n${table}\n`);
const outDir = path.resolve('bench/results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(
  path.join(outDir, 'fault-drills.json'),
  `${JSON.stringify({ at: new Date().toISOString(), machine, seconds, results }, null, 2)}\n`,
);
const failed = results.length === 0 || results.some((r) => !r.pass);
process.exit(failed ? 1 : 0);
