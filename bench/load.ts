// Multi-school load with correctness checks. Builds a dataset on PostgreSQL, starts the built
// server and a bare node:http baseline, and drives both with autocannon, spreading requests
// uniformly over every school and session. Every response is checked to belong to the school
// whose host was asked. Prints a Markdown table and writes bench/results/load-*.json.
//
//   npm run bench:load -- [--schools 1000] [--students 20] [--connections 100] [--seconds 10]
//   npm run bench:check   (a few seconds; exits non-zero on any cross-school answer or 5xx)
//
// Needs BENCH_DATABASE_URL (a PostgreSQL server URL); uses REDIS_URL when set.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migratePostgres } from '../src/server/platform/db/database.js';
import { buildDataset, dbUrl as serverDbUrl, type School } from './lib/dataset.js';
import { request } from './lib/http.js';
import { start } from './lib/processes.js';
import { benchScenarios, runScenario, type Figure } from './lib/scenarios.js';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '1000' },
    students: { type: 'string', default: '20' },
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    check: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const SCHOOLS = Number(values.schools);
const STUDENTS = Number(values.students);
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  process.stderr.write(
    'Set BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres\n',
  );
  process.exit(2);
}

const dbUrl = (name: string) => serverDbUrl(serverUrl, name);

async function explain(url: string, school: School): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    const plan = async (title: string, text: string, params: unknown[]) => {
      await client.query('begin');
      await client.query(
        `select set_config('role', 'app_tenant', true), set_config('app.school_id', $1, true)`,
        [school.id],
      );
      const result = await client.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params);
      await client.query('rollback');
      lines.push(`-- ${title}`, ...result.rows.map((r) => r['QUERY PLAN']), '');
    };
    await plan('session lookup', 'select * from sessions where token_hash = $1', ['x']);
    await plan(
      'student list page',
      'select * from students order by last_name, first_name, id limit 51',
      [],
    );
    await plan('student detail', 'select * from students where id = $1', [school.studentId]);
    await client.query('begin');
    await client.query(`select set_config('role', 'app_platform', true)`);
    const tenant = await client.query<{ 'QUERY PLAN': string }>(
      'explain select * from schools join plans on plans.id = schools.plan_id where schools.slug = $1',
      [school.slug],
    );
    await client.query('rollback');
    lines.push('-- tenant lookup by host', ...tenant.rows.map((r) => r['QUERY PLAN']));
    return lines.join('\n');
  } finally {
    await client.end();
  }
}

const name = `schoolhouse_load_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
const url = dbUrl(name);
const children: ChildProcess[] = [];
let failed = false;
try {
  await migratePostgres(url);
  const seeded = Date.now();
  const schools = await buildDataset(url, { schools: SCHOOLS, students: STUDENTS });
  process.stdout.write(
    `Dataset: ${SCHOOLS} schools, ${SCHOOLS * STUDENTS} students (${Date.now() - seeded} ms)\n`,
  );

  if (!fs.existsSync('dist/server/main.js')) throw new Error('Build first: npm run build');
  const appPort = 4300 + (process.pid % 500);
  const basePort = appPort + 1;
  children.push(
    await start(
      'node',
      // BENCH_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof".
      [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/server/main.js'],
      {
        DATABASE_URL: url,
        PORT: String(appPort),
        BIND_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        DB_POOL_MAX: '20',
        ...(process.env.REDIS_URL
          ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `${name}:` }
          : {}),
      },
      /Schoolhouse is running/,
    ),
  );
  children.push(
    await start(
      // One process (not npx → tsx → node), so the SIGTERM at the end reaches the server.
      process.execPath,
      ['--import', 'tsx', 'bench/baseline-server.ts'],
      { DATABASE_URL: url, PORT: String(basePort), POOL_MAX: '20' },
      /LISTENING/,
    ),
  );

  // Warm-up: every school and session is asked for once, so the figures are the steady state
  // (tenant and session served from the per-node cache) rather than the first look at each
  // school. The cold pass is timed and reported on its own.
  const warmStarted = Date.now();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let next = 0;
  let warmFailures = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < schools.length) {
        const school = schools[next++] as School;
        const reply = await request({
          port: appPort,
          path: '/api/me',
          host: `${school.slug}.localhost`,
          headers: { cookie: school.cookie },
          agent,
          timeoutMs: 10_000,
        }).catch(() => null);
        if (reply?.status !== 200) warmFailures++;
      }
    }),
  );
  agent.destroy();
  const warmUp = {
    schools: schools.length,
    ms: Date.now() - warmStarted,
    failures: warmFailures,
  };
  process.stdout.write(
    `Warm-up: every school's /api/me once, ${warmUp.schools} requests in ${warmUp.ms} ms (${warmUp.failures} failed)\n`,
  );

  const scenarios = benchScenarios(appPort, basePort);

  const figures: Figure[] = [];
  for (const scenario of values.check
    ? scenarios.filter((s) => s.belongs && s.port === appPort)
    : scenarios) {
    process.stdout.write(`Running: ${scenario.name}\n`);
    figures.push(
      await runScenario(scenario, schools, { connections: CONNECTIONS, seconds: SECONDS }),
    );
  }
  const byName = new Map(figures.map((f) => [f.name, f]));
  const table = [
    '| scenario | req/s | p50 ms | p99 ms | p99.9 ms | errors | 5xx | cross-school / checked | vs baseline |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => {
      const scenario = scenarios.find((s) => s.name === f.name);
      const base = scenario?.baseline ? byName.get(scenario.baseline) : undefined;
      const ratio = base ? `${(f.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×` : '';
      return `| ${f.name} | ${Math.round(f.requestsPerSecond)} | ${f.p50} | ${f.p99} | ${f.p999} | ${f.errors} | ${f.serverErrors} | ${f.crossSchool} / ${f.checked} | ${ratio} |`;
    }),
  ].join('\n');
  const plans = await explain(url, schools[0] as School);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  process.stdout.write(
    `\n${SCHOOLS} schools, ${SCHOOLS * STUDENTS} students, ${CONNECTIONS} connections, ${SECONDS} s each, ` +
      `Redis ${process.env.REDIS_URL ? 'on' : 'off'} — ${machine}\n\n${table}\n\nQuery plans:\n${plans}\n`,
  );
  const outDir = path.resolve('bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    values.out ?? path.join(outDir, `load-${SCHOOLS}-schools-${SCHOOLS * STUDENTS}-students.json`),
    `${JSON.stringify({ at: new Date().toISOString(), machine, schools: SCHOOLS, students: SCHOOLS * STUDENTS, connections: CONNECTIONS, seconds: SECONDS, redis: Boolean(process.env.REDIS_URL), warmUp, figures, plans }, null, 2)}\n`,
  );
  const broken = figures.filter((f) => f.crossSchool > 0 || f.serverErrors > 0);
  if (broken.length > 0) {
    failed = true;
    process.stderr.write(
      `FAILED: cross-school answers or server errors under load (${broken.map((f) => f.name).join(', ')})\n`,
    );
  }
  if (values.check && figures.some((f) => f.checked === 0)) {
    failed = true;
    process.stderr.write('FAILED: a scenario returned no checkable answers\n');
  }
} finally {
  // Wait for the servers to exit, so a profile asked for with BENCH_NODE_ARGS gets written.
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(resolve, 15_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (!values.keep) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(failed ? 1 : 0);
