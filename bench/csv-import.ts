// `npx tsx bench/csv-import.ts [--rows 10000]`: times a CSV import of students through the
// HTTP API (preview, first commit, the same file again, export) on embedded PGlite and, with
// BENCH_DATABASE_URL (a PostgreSQL server URL), on a fresh database on that server too.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { insertSchool } from '../src/server/modules/schools/schools.repository.js';
import {
  connectPostgres,
  migratePglite,
  migratePostgres,
  wrapPglite,
  type Database,
} from '../src/server/platform/db/database.js';
import { newId } from '../src/server/platform/db/ids.js';
import { createAcademicStructure } from '../src/test/academic-structure.js';
import { createUser, TEST_PASSWORD } from '../src/test/identity.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const rowCount = Number(values.rows);

const FIRST = ['Amira', 'Omar', 'محمد', 'Lily', 'فاطمة', 'Noah', 'Yusuf', 'ليلى', 'Sofia', 'Ethan'];
const LAST = ['Haddad', 'العتيبي', 'Chen', 'الزهراني', "O'Brien", 'Rahman', 'García', 'Patel'];

/** Students spread over 6 grades of 2 sections, with dates of birth, genders and statuses. */
function studentsCsv(rows: number): string {
  const lines = ['admission_number,first_name,last_name,date_of_birth,gender,status,grade,section'];
  for (let i = 0; i < rows; i++) {
    const grade = 1 + (i % 6);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      [
        `B-${String(i).padStart(6, '0')}`,
        FIRST[i % FIRST.length],
        LAST[i % LAST.length],
        `${2020 - grade}-${month}-${day}`,
        i % 2 === 0 ? 'female' : 'male',
        i % 10 === 0 ? 'applicant' : 'enrolled',
        `Grade ${grade}`,
        i % 2 === 0 ? 'A' : 'B',
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

interface BenchDatabase {
  db: Database;
  kind: string;
  close(): Promise<void>;
}

async function openPglite(): Promise<BenchDatabase> {
  const client = new PGlite();
  await migratePglite(client);
  const db = await wrapPglite(client);
  return { db, kind: 'PGlite', close: () => db.close() };
}

async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `schoolhouse_bench_csv_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  const db = connectPostgres({ url: url.toString(), poolMax: 10, statementTimeoutMs: 60_000 });
  return {
    db,
    kind: 'PostgreSQL',
    async close() {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function timed(
  what: string,
  run: () => Promise<LightMyRequestResponse>,
): Promise<{ ms: number; res: LightMyRequestResponse }> {
  const started = performance.now();
  const res = await run();
  const ms = performance.now() - started;
  if (res.statusCode !== 200)
    throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return { ms, res };
}

async function benchOn(database: BenchDatabase, csv: string): Promise<string[][]> {
  const { db } = database;
  const slug = `csv-bench-${process.pid}`;
  const school = await db.withPlatform((tx) =>
    insertSchool(tx, {
      id: newId(),
      slug,
      name: 'CSV Bench School',
      status: 'active',
      // The enterprise plan allows 50,000 students, so the plan limit does not refuse the file.
      planId: 'enterprise',
      locale: 'en',
      maintenance: false,
      trialEndsAt: null,
      primaryColor: '#1f6feb',
    }),
  );
  await createAcademicStructure(db, school.id);
  const admin = await createUser(db, school.id, { roles: ['admin'] });
  const app: FastifyInstance = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', DATA_DIR: '.tmp/unused' }),
    db,
    logger: false,
  });
  await app.ready();
  try {
    const host = `${slug}.localhost`;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { host, origin: `http://${host}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: admin.email, password: TEST_PASSWORD }),
    });
    const cookie = String(signIn.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const post = (action: string) => () =>
      app.inject({
        method: 'POST',
        url: `/api/imports/students/${action}`,
        headers: { host, origin: `http://${host}`, cookie, 'content-type': 'text/csv' },
        payload: csv,
      });
    const preview = await timed('preview', post('preview'));
    const first = await timed('commit', post('commit'));
    const again = await timed('commit again', post('commit'));
    const exported = await timed('export', () =>
      app.inject({ method: 'GET', url: '/api/imports/students/export', headers: { host, cookie } }),
    );
    const summary = (res: LightMyRequestResponse) => JSON.stringify(res.json().summary);
    const row = (what: string, figure: { ms: number }, note: string) => [
      `${what} (${rowCount.toLocaleString('en')} students, ${database.kind})`,
      `${(figure.ms / 1000).toFixed(2)} s`,
      note,
    ];
    return [
      row('preview', preview, summary(preview.res)),
      row('commit, all new', first, summary(first.res)),
      row('commit, same file again', again, summary(again.res)),
      row('export', exported, `${exported.res.rawPayload.length.toLocaleString('en')} bytes`),
    ];
  } finally {
    await app.close();
  }
}

const csv = studentsCsv(rowCount);
process.stdout.write(
  `CSV of ${rowCount} students: ${Buffer.byteLength(csv).toLocaleString('en')} bytes\n` +
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
const rows: string[][] = [
  ['measure', 'time', 'result'],
  ['---', '---', '---'],
];
const targets: (() => Promise<BenchDatabase>)[] = [openPglite];
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) targets.push(() => openPostgres(serverUrl));
for (const open of targets) {
  const database = await open();
  try {
    rows.push(...(await benchOn(database, csv)));
  } finally {
    await database.close();
  }
}
process.stdout.write(`\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
