// Drill 2: PostgreSQL stops under load and comes back. Runs on a throwaway cluster made with
// Debian's pg_createcluster (root), never on the machine's main one. Measures /readyz going
// 503, failed requests answering 503 fast (no hang), recovery to the first 200 on /readyz and
// on a cold /api/me, and that multi-row writes fired across the outage are all-or-nothing.
import fs from 'node:fs';
import pg from 'pg';
import { migratePostgres } from '../../src/server/platform/db/database.js';
import { buildDataset, dbUrl, seedOperator, type School } from '../lib/dataset.js';
import { errorCode, operatorPost, operatorSignIn, request } from '../lib/http.js';
import { freePort, run, sleep } from '../lib/processes.js';
import { checkedAppScenarios } from '../lib/scenarios.js';
import { timedLoad, windowFigures } from '../lib/timed-load.js';
import { Secret } from 'otpauth';
import {
  crashSummary,
  drillResult,
  ms,
  startApp,
  tenantGet,
  type Check,
  type DrillContext,
  type DrillResult,
} from './common.js';

const LOAD_SECONDS = 12;
const STOP_AT_MS = 2_000;
const DOWN_MS = 3_000;
const FAIL_FAST_MS = 3_000;
const RECOVERY_LIMIT_MS = 10_000;
const IMPORT_ROWS = 20;

interface Attempt {
  key: string;
  sentAt: number;
  doneAt: number;
  status: number;
  code: string | null;
}

function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
}

function clusterVersion(): string {
  const versions = fs
    .readdirSync('/etc/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((x, y) => Number(y) - Number(x));
  if (!versions[0]) throw new Error('no PostgreSQL version under /etc/postgresql');
  return versions[0];
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function postgresRestartDrill(ctx: DrillContext): Promise<DrillResult> {
  if (process.getuid?.() !== 0) throw new Error('drill 2 runs pg_createcluster and needs root');
  const version = clusterVersion();
  const name = `drill${process.pid}`;
  const port = await freePort();
  const ctl = (...args: string[]) =>
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, ...args], 60_000);
  ctx.cleanup.add(`pg_dropcluster ${version} ${name}`, async () => {
    await run('pg_dropcluster', ['--stop', version, name], 60_000);
    fs.rmSync(`/var/log/postgresql/postgresql-${version}-${name}.log`, { force: true });
  });
  await run(
    'pg_createcluster',
    [
      version,
      name,
      '-p',
      String(port),
      '--start-conf',
      'manual',
      '--',
      '--auth=trust',
      '--no-sync',
    ],
    120_000,
  );
  await ctl('start');
  const serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('create database drill');
  await admin.end();
  const url = dbUrl(serverUrl, 'drill');
  await migratePostgres(url);
  const schools = (await buildDataset(url, { schools: 310, students: 3 })).sort(
    (x, y) => x.index - y.index,
  );
  const loadSchools = schools.slice(0, 100);
  const probes = schools.slice(100, 300);
  const importSchools = schools.slice(300, 302);
  const operator = await seedOperator(url, new Secret({ size: 20 }).base32);
  ctx.log(`cluster ${version}/${name} on :${port}, ${schools.length} schools`);

  const node = await startApp(ctx, 'node P', { DATABASE_URL: url });
  const cookie = await operatorSignIn(node.port, operator);
  const csvPost = (school: School, path: string, body: string) =>
    request({
      port: node.port,
      method: 'POST',
      path,
      host: `${school.slug}.localhost`,
      headers: {
        cookie: school.cookie,
        origin: `http://${school.slug}.localhost`,
        'content-type': 'text/csv',
      },
      body,
      timeoutMs: 10_000,
    });
  const importProbe = importSchools[0]
    ? await csvPost(
        importSchools[0],
        '/api/imports/students/preview',
        'admission_number,first_name,last_name\r\n',
      )
    : null;
  const importsPresent = importProbe?.status === 200;
  ctx.log(
    `student CSV import endpoint ${importsPresent ? 'present: used' : `absent (${importProbe?.status}): skipped`}`,
  );

  // Load, /readyz every 100 ms, writers, then the outage.
  const t0 = Date.now();
  const hardStop = t0 + 40_000;
  const scenarios = checkedAppScenarios(node.port).filter((s) => s.name !== 'student detail');
  const loading = timedLoad({
    port: node.port,
    connections: 8,
    seconds: LOAD_SECONDS,
    schools: loadSchools,
    scenarios,
  });
  const ready: { at: number; status: number; ms: number }[] = [];
  let polling = true;
  const readyPoller = (async () => {
    while (polling && Date.now() < hardStop) {
      const at = Date.now();
      const reply = await request({
        port: node.port,
        path: '/readyz',
        host: 'localhost',
        timeoutMs: 5_000,
      }).catch(() => null);
      ready.push({ at, status: reply?.status ?? 0, ms: Date.now() - at });
      await sleep(Math.max(0, at + 100 - Date.now()));
    }
  })();

  let writing = true;
  const schoolAttempts: Attempt[] = [];
  const importAttempts: (Attempt & { school: School })[] = [];
  let serial = 0;
  const writers: Promise<void>[] = [];
  await sleep(1_000);
  for (let w = 0; w < 3; w++) {
    writers.push(
      (async () => {
        while (writing && Date.now() < hardStop) {
          const slug = `drill-w-${serial++}`;
          const sentAt = Date.now();
          const outcome = await operatorPost(
            node.port,
            cookie,
            '/api/schools',
            {
              name: `Drill ${slug}`,
              slug,
              adminName: 'Drill Admin',
              adminEmail: `admin@${slug}.test`,
            },
            10_000,
          ).then(
            (r) => ({ status: r.status, code: null }),
            (e: unknown) => ({ status: 0, code: errorCode(e) }),
          );
          schoolAttempts.push({ key: slug, sentAt, doneAt: Date.now(), ...outcome });
          if (outcome.status !== 201) await sleep(25);
        }
      })(),
    );
  }
  if (importsPresent) {
    for (const school of importSchools) {
      writers.push(
        (async () => {
          while (writing && Date.now() < hardStop) {
            const batch = `IMP${serial++}`;
            const rows = Array.from(
              { length: IMPORT_ROWS },
              (_, k) => `${batch}-${k},Drill,${batch}`,
            );
            const sentAt = Date.now();
            const outcome = await csvPost(
              school,
              '/api/imports/students/commit',
              `admission_number,first_name,last_name\r\n${rows.join('\r\n')}\r\n`,
            ).then(
              (r) => ({ status: r.status, code: null }),
              (e: unknown) => ({ status: 0, code: errorCode(e) }),
            );
            importAttempts.push({ key: batch, school, sentAt, doneAt: Date.now(), ...outcome });
            if (outcome.status !== 200) await sleep(25);
          }
        })(),
      );
    }
  }

  await sleep(Math.max(0, t0 + STOP_AT_MS - Date.now()));
  const stopAt = Date.now();
  await ctl('stop', '-m', 'fast');
  const stoppedAt = Date.now();
  ctx.log(`PostgreSQL stopped (fast) in ${stoppedAt - stopAt} ms`);

  // /api/me with a school and session no node has cached yet: it needs the database.
  let probeIndex = 0;
  const meProbes: { at: number; status: number }[] = [];
  let probing = true;
  const meProber = (async () => {
    while (probing && Date.now() < hardStop) {
      const school = probes[probeIndex++ % probes.length] as School;
      const at = Date.now();
      const status = await tenantGet(node.port, school, '/api/me', true).then(
        (r) => r.status,
        () => 0,
      );
      meProbes.push({ at, status });
      await sleep(Math.max(0, at + 100 - Date.now()));
    }
  })();

  await sleep(DOWN_MS);
  const startAt = Date.now();
  const started = ctl('start');
  let backAt: number | null = null;
  while (backAt === null && Date.now() < startAt + 30_000) {
    if (await canConnect(url)) backAt = Date.now();
    else await sleep(50);
  }
  await started;
  ctx.log(
    `PostgreSQL start issued after ${startAt - stoppedAt} ms down; accepting ${backAt === null ? 'never' : `after ${backAt - startAt} ms`}`,
  );
  const back = backAt ?? Date.now();

  const recovered = async (list: () => { at: number; status: number }[]) => {
    const deadline = back + 15_000;
    while (Date.now() < deadline) {
      const hit = list().find((p) => p.at >= back && p.status === 200);
      if (hit) return hit.at;
      await sleep(50);
    }
    return null;
  };
  const [readyAt, meAt] = await Promise.all([recovered(() => ready), recovered(() => meProbes)]);
  await sleep(Math.max(0, back + 1_500 - Date.now()));
  writing = false;
  await Promise.all(writers);
  const load = await loading;
  probing = false;
  polling = false;
  await Promise.all([meProber, readyPoller]);

  // Verify every write is complete or absent.
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  let schoolRows: {
    slug: string;
    history: number;
    platform_audit: number;
    admins: number;
    invitations: number;
    audits: number;
    mails: number;
  }[];
  const importOutcome = {
    batches: 0,
    complete: 0,
    absent: 0,
    partial: [] as string[],
    auditMismatch: [] as string[],
  };
  try {
    schoolRows = (
      await owner.query(
        `select s.slug,
                (select count(*) from school_status_history h where h.owner_school_id = s.id)::int as history,
                (select count(*) from platform_audit_events a
                  where a.target_school_id = s.id and a.action = 'school.created')::int as platform_audit,
                (select count(*) from users u where u.school_id = s.id and 'admin' = any(u.roles))::int as admins,
                (select count(*) from user_tokens t where t.school_id = s.id and t.purpose = 'invitation')::int as invitations,
                (select count(*) from audit_events e where e.school_id = s.id and e.action = 'user.invited')::int as audits,
                (select count(*) from mail_outbox m where m.school_id = s.id)::int as mails
           from schools s where s.slug = any($1)`,
        [schoolAttempts.map((a) => a.key)],
      )
    ).rows;
    if (importsPresent) {
      for (const school of importSchools) {
        const rows = await owner.query<{ batch: string; n: number }>(
          `select split_part(admission_number, '-', 1) as batch, count(*)::int as n
             from students where school_id = $1 and admission_number like 'IMP%' group by 1`,
          [school.id],
        );
        const audits = await owner.query<{ n: number }>(
          `select count(*)::int as n from audit_events where school_id = $1 and action = 'import.committed'`,
          [school.id],
        );
        const counts = new Map(rows.rows.map((r) => [r.batch, r.n]));
        const mine = importAttempts.filter((a) => a.school === school);
        let complete = 0;
        for (const attempt of mine) {
          const n = counts.get(attempt.key) ?? 0;
          importOutcome.batches++;
          if (n === IMPORT_ROWS) complete++;
          else if (n === 0) importOutcome.absent++;
          else
            importOutcome.partial.push(`${school.slug}/${attempt.key}: ${n}/${IMPORT_ROWS} rows`);
          if (attempt.status === 200 && n !== IMPORT_ROWS) {
            importOutcome.partial.push(`${school.slug}/${attempt.key}: acknowledged but ${n} rows`);
          }
        }
        importOutcome.complete += complete;
        if ((audits.rows[0]?.n ?? 0) !== complete) {
          importOutcome.auditMismatch.push(
            `${school.slug}: ${complete} complete batches, ${audits.rows[0]?.n} audit rows`,
          );
        }
      }
    }
  } finally {
    await owner.end();
  }
  const found = new Map(schoolRows.map((r) => [r.slug, r]));
  const partialSchools: string[] = [];
  let completeSchools = 0;
  for (const attempt of schoolAttempts) {
    const row = found.get(attempt.key);
    if (!row) {
      if (attempt.status === 201)
        partialSchools.push(`${attempt.key}: acknowledged 201 but absent`);
      continue;
    }
    const parts = {
      history: row.history,
      platformAudit: row.platform_audit,
      admin: row.admins,
      invitation: row.invitations,
      audit: row.audits,
      mail: row.mails,
    };
    const missing = Object.entries(parts)
      .filter(([, n]) => n < 1)
      .map(([k]) => k);
    if (missing.length === 0) completeSchools++;
    else
      partialSchools.push(
        `${attempt.key} (answered ${attempt.status || attempt.code}): school row without ${missing.join(', ')}`,
      );
  }

  // Figures.
  const downFrom = stopAt;
  const downTo = back;
  // Certainly down: from the stop having completed to the start being issued.
  const readyDown = ready.filter((r) => r.at >= stoppedAt && r.at + r.ms < startAt);
  const first503 = ready.find((r) => r.at >= stopAt && r.status === 503);
  const failWindow = windowFigures(load, downFrom, downTo + RECOVERY_LIMIT_MS);
  const failedStatuses = Object.entries(failWindow.byStatus).filter(([s]) => Number(s) >= 500);
  const non503 = failedStatuses.filter(([s]) => s !== '503').reduce((n, [, c]) => n + c, 0);
  const whole = windowFigures(load, 0, Number.MAX_SAFE_INTEGER);
  const writeCodes: Record<string, number> = {};
  for (const a of [...schoolAttempts, ...importAttempts]) {
    const key = a.code ?? String(a.status);
    writeCodes[key] = (writeCodes[key] ?? 0) + 1;
  }
  const inOutage = schoolAttempts.filter((a) => a.doneAt >= stopAt && a.sentAt < back).length;

  const alive = node.proc.isRunning();
  const checks: Check[] = [
    {
      name: 'the app process survives the outage',
      pass: alive,
      detail: alive
        ? 'still running'
        : `exited with code ${(await node.proc.exited).code}: ${crashSummary(node.proc.output())}`,
    },
    {
      name: '/readyz answers 503 while PostgreSQL is down',
      pass:
        first503 !== undefined && readyDown.length > 0 && readyDown.every((r) => r.status === 503),
      detail:
        `first 503 ${first503 ? ms(first503.at - stopAt) : 'never'} after the stop was issued; ` +
        `${readyDown.filter((r) => r.status === 503).length}/${readyDown.length} polls 503 while down ` +
        `(slowest poll ${ms(Math.max(0, ...readyDown.map((r) => r.ms)))})`,
    },
    {
      name: `failed requests answer 503 within ${FAIL_FAST_MS} ms (no hang, no other 5xx, no socket errors)`,
      pass: failWindow.maxFailedMs < FAIL_FAST_MS && non503 === 0 && whole.errors === 0,
      detail:
        `${failWindow.serverErrors} failed of ${failWindow.requests} (${JSON.stringify(Object.fromEntries(failedStatuses))}), ` +
        `slowest failure ${ms(failWindow.maxFailedMs)}; socket errors/timeouts ${whole.errors}`,
    },
    {
      name: `/readyz 200 within ${RECOVERY_LIMIT_MS / 1_000} s of PostgreSQL accepting`,
      pass: readyAt !== null && readyAt - back <= RECOVERY_LIMIT_MS,
      detail: readyAt === null ? 'not within 15 s' : ms(readyAt - back),
    },
    {
      name: `cold /api/me 200 within ${RECOVERY_LIMIT_MS / 1_000} s of PostgreSQL accepting`,
      pass: meAt !== null && meAt - back <= RECOVERY_LIMIT_MS,
      detail: meAt === null ? 'not within 15 s' : ms(meAt - back),
    },
    {
      name: 'every answer checked belongs to the school asked',
      pass: load.crossSchool === 0 && load.checked > 0,
      detail: `${load.crossSchool} cross-school of ${load.checked} checked`,
    },
    {
      name: 'school + first admin (operator API): each complete or absent',
      pass: partialSchools.length === 0 && schoolAttempts.length > 0,
      detail:
        `${schoolAttempts.length} attempts (${inOutage} overlapping the outage): ${completeSchools} complete, ` +
        `${schoolAttempts.length - completeSchools - partialSchools.length} absent, ${partialSchools.length} partial` +
        (partialSchools.length ? ` — ${partialSchools.slice(0, 5).join('; ')}` : ''),
    },
    ...(importsPresent
      ? [
          {
            name: `student CSV imports (${IMPORT_ROWS} rows each): each all or nothing`,
            pass: importOutcome.partial.length === 0 && importOutcome.auditMismatch.length === 0,
            detail:
              `${importOutcome.batches} batches: ${importOutcome.complete} complete, ${importOutcome.absent} absent, ` +
              `${importOutcome.partial.length} partial, audit mismatches ${importOutcome.auditMismatch.length}` +
              ([...importOutcome.partial, ...importOutcome.auditMismatch].length
                ? ` — ${[...importOutcome.partial, ...importOutcome.auditMismatch].slice(0, 5).join('; ')}`
                : ''),
          },
        ]
      : []),
  ];
  const result = drillResult(
    '2',
    'PostgreSQL restart under load (throwaway cluster)',
    checks,
    `down ${ms(back - stopAt)}; failures 503 ≤ ${ms(failWindow.maxFailedMs)}; /readyz +${readyAt === null ? '—' : ms(readyAt - back)}, ` +
      `/api/me +${meAt === null ? '—' : ms(meAt - back)}; writes ${completeSchools} complete / ${partialSchools.length} partial`,
    {
      cluster: `${version}/${name}`,
      stopIssuedAtMs: stopAt - t0,
      stopTookMs: stoppedAt - stopAt,
      downMs: back - stopAt,
      startToAcceptingMs: back - startAt,
      readyzFirst503Ms: first503 ? first503.at - stopAt : null,
      readyzPollsWhileDown: readyDown.length,
      readyzStatusesWhileDown: tally(readyDown.map((r) => String(r.status))),
      readyzRecoveryMs: readyAt === null ? null : readyAt - back,
      apiMeRecoveryMs: meAt === null ? null : meAt - back,
      failures: failWindow,
      whole,
      crossSchool: load.crossSchool,
      checked: load.checked,
      writes: {
        schoolAttempts: schoolAttempts.length,
        overlappingOutage: inOutage,
        completeSchools,
        partialSchools,
        importsPresent,
        imports: importOutcome,
        outcomes: writeCodes,
      },
    },
    [
      'POST /api/schools writes the school, its status history, the platform audit, the admin user, ' +
        'its audit event, invitation token and mail in one transaction (continueAsNewTenant), so a ' +
        'school is never left without its admin whatever moment the stop lands on.',
    ],
  );
  await node.stop();
  return result;
}
