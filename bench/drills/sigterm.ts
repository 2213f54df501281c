// Drill 3: SIGTERM during sustained keep-alive load. Requests already in flight when the
// signal arrives must complete with 2xx (including a few held in the database for 1.5 s), new
// connections must be refused once the listener is closed, and the process must exit 0
// within SHUTDOWN_GRACE_MS.
import http from 'node:http';
import pg from 'pg';
import type { School } from '../lib/dataset.js';
import { errorCode, request } from '../lib/http.js';
import { sleep } from '../lib/processes.js';
import {
  drillResult,
  ms,
  startApp,
  type Check,
  type DrillContext,
  type DrillResult,
} from './common.js';

const GRACE_MS = 10_000;
const SIGNAL_AT_MS = 2_000;
const HOLD_AFTER_SIGNAL_MS = 1_500;
const LOOPS = 16;
const SLOW = 4;

interface Sent {
  sentAt: number;
  doneAt: number;
  status: number;
  code: string | null;
  slow: boolean;
}

export async function sigtermDrill(ctx: DrillContext): Promise<DrillResult> {
  const node = await startApp(ctx, 'node C', {
    DATABASE_URL: ctx.dbUrl,
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
  });
  const state: { exitedAt: number | null } = { exitedAt: null };
  const exit = node.proc.exited.then((e) => {
    state.exitedAt = performance.now();
    return e;
  });
  const schools = ctx.loadSchools;
  const records: Sent[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOOPS });
  const slowAgent = new http.Agent({ keepAlive: true, maxSockets: SLOW });
  const hardStop = performance.now() + SIGNAL_AT_MS + GRACE_MS + 5_000;
  const running = () => state.exitedAt === null && performance.now() < hardStop;

  const send = async (school: School, path: string, viaAgent: http.Agent, slow: boolean) => {
    const sentAt = performance.now();
    try {
      const reply = await request({
        port: node.port,
        path,
        host: `${school.slug}.localhost`,
        headers: { cookie: school.cookie },
        agent: viaAgent,
        timeoutMs: GRACE_MS + 5_000,
      });
      records.push({ sentAt, doneAt: performance.now(), status: reply.status, code: null, slow });
    } catch (error) {
      records.push({ sentAt, doneAt: performance.now(), status: 0, code: errorCode(error), slow });
      await sleep(50);
    }
  };
  const pickSchool = () => schools[Math.floor(Math.random() * schools.length)] as School;
  const loops = Array.from({ length: LOOPS }, async () => {
    while (running())
      await send(pickSchool(), Math.random() < 0.5 ? '/api/me' : '/api/school', agent, false);
  });

  // Open the slow requests' keep-alive connections first, so they are reused ones too.
  const slowSchools = schools.slice(0, SLOW);
  await Promise.all(slowSchools.map((s) => send(s, '/api/me', slowAgent, false)));
  const started = performance.now();
  await sleep(SIGNAL_AT_MS - 300);

  const owner = new pg.Client({ connectionString: ctx.dbUrl });
  await owner.connect();
  const releaseOwner = ctx.cleanup.add('release the students lock', async () => {
    await owner.query('rollback').catch(() => undefined);
    await owner.end();
  });
  await owner.query('begin');
  await owner.query(`set local lock_timeout = '5s'`);
  await owner.query('lock table students in access exclusive mode');
  const slowRequests = slowSchools.map((s) => send(s, '/api/students?limit=20', slowAgent, true));
  await sleep(300);
  const slowPendingAtSignal = SLOW - records.filter((r) => r.slow).length;

  const signalAt = performance.now();
  node.proc.child.kill('SIGTERM');
  ctx.log(
    `SIGTERM sent at +${Math.round(signalAt - started)} ms with ${slowPendingAtSignal} requests held in the database`,
  );

  const probes: { at: number; result: string }[] = [];
  const prober = (async () => {
    while (state.exitedAt === null && performance.now() < hardStop) {
      const at = performance.now();
      const result = await request({
        port: node.port,
        path: '/healthz',
        host: 'localhost',
        timeoutMs: 1_000,
      }).then(
        (r) => String(r.status),
        (e: unknown) => errorCode(e),
      );
      probes.push({ at, result });
      await sleep(25);
    }
  })();
  await sleep(HOLD_AFTER_SIGNAL_MS);
  await owner.query('commit');
  await releaseOwner();
  await Promise.all(slowRequests);
  // Connections whose request was in flight at the signal, now idle in the clients' pools: the
  // server has to close them itself, or wait for the client (or keepAliveTimeout) to.
  await sleep(300);
  const idleHeld = [agent, slowAgent].reduce(
    (n, a) => n + Object.values(a.freeSockets).reduce((m, list) => m + (list?.length ?? 0), 0),
    0,
  );
  const runningAfterDrain = state.exitedAt === null;
  const exited = await exit;
  await Promise.all([...loops, prober]);
  agent.destroy();
  slowAgent.destroy();

  const exitedAt = state.exitedAt ?? performance.now();
  const exitMs = exitedAt - signalAt;
  const before = records.filter((r) => r.sentAt < signalAt);
  const inFlight = before.filter((r) => r.doneAt >= signalAt);
  const inFlightOk = inFlight.filter((r) => r.status >= 200 && r.status < 300);
  const beforeErrors = before.filter((r) => r.code !== null);
  const slow = records.filter((r) => r.slow);
  const after = records.filter((r) => r.sentAt >= signalAt);
  const tally = (list: Sent[]) => {
    const out: Record<string, number> = {};
    for (const r of list)
      out[r.code ?? String(r.status)] = (out[r.code ?? String(r.status)] ?? 0) + 1;
    return out;
  };
  const firstRefused = probes.find((p) => p.result === 'ECONNREFUSED');
  const acceptedAfterRefusal = firstRefused
    ? probes.filter((p) => p.at > firstRefused.at && p.result !== 'ECONNREFUSED').length
    : 0;
  const acceptedBeforeRefusal = probes.filter(
    (p) => !firstRefused || p.at < firstRefused.at,
  ).length;
  const closedMs = firstRefused ? firstRefused.at - signalAt : null;

  const checks: Check[] = [
    {
      name: 'requests in flight at the signal complete with 2xx',
      pass:
        inFlight.length > 0 &&
        inFlightOk.length === inFlight.length &&
        slowPendingAtSignal === SLOW,
      detail:
        `${inFlightOk.length}/${inFlight.length} in flight answered 2xx (${JSON.stringify(tally(inFlight))}); ` +
        `${slowPendingAtSignal}/${SLOW} held in the database at the signal, answered ` +
        `${slow.map((r) => `${r.status || r.code} in ${ms(r.doneAt - r.sentAt)}`).join(', ')}`,
    },
    {
      name: 'no socket error or reset for any request sent before the signal',
      pass: beforeErrors.length === 0,
      detail: `${beforeErrors.length} of ${before.length} (${JSON.stringify(tally(beforeErrors))})`,
    },
    {
      name: 'new connections refused once the listener closed, while in-flight work drained',
      pass:
        firstRefused !== undefined &&
        acceptedAfterRefusal === 0 &&
        firstRefused.at < exitedAt - 500,
      detail: firstRefused
        ? `first refusal ${ms(firstRefused.at - signalAt)} after the signal (probes every 25 ms; ` +
          `${acceptedBeforeRefusal} accepted before, ${acceptedAfterRefusal} after), ${ms(exitMs - (firstRefused.at - signalAt))} before exit`
        : 'never refused',
    },
    {
      name: `process exits 0 within SHUTDOWN_GRACE_MS (${GRACE_MS} ms)`,
      pass: exited.code === 0 && exitMs < GRACE_MS,
      detail: `exit code ${exited.code ?? exited.signal} after ${ms(exitMs)}`,
    },
  ];
  return drillResult(
    '3',
    'SIGTERM during keep-alive load',
    checks,
    `${inFlightOk.length}/${inFlight.length} in flight 2xx, ${beforeErrors.length} resets; refused after ${
      closedMs === null ? '—' : ms(closedMs)
    }; exit ${exited.code} after ${ms(exitMs)}`,
    {
      graceMs: GRACE_MS,
      keepAliveLoops: LOOPS,
      requestsBeforeSignal: before.length,
      inFlightAtSignal: inFlight.length,
      inFlightOutcomes: tally(inFlight),
      heldInDatabase: slow.map((r) => ({
        status: r.status,
        code: r.code,
        ms: Math.round(r.doneAt - r.sentAt),
      })),
      errorsBeforeSignal: tally(beforeErrors),
      sentAfterSignal: after.length,
      sentAfterSignalOutcomes: tally(after),
      listenerClosedMs: closedMs,
      idleKeepAliveAfterDrain: idleHeld,
      runningAfterDrain,
      probes: probes.length,
      exitCode: exited.code,
      exitMs: Math.round(exitMs),
    },
    [
      ...(exited.code !== 0 && runningAfterDrain && idleHeld > 0
        ? [
            `300 ms after the last in-flight request was answered the process was still running while ` +
              `clients held ${idleHeld} idle keep-alive connection(s) that had carried in-flight requests: ` +
              'the server closes idle connections once, when close() starts (forceCloseConnections: idle), ' +
              'and connections that become idle later stay open until the client closes them or ' +
              'keepAliveTimeout (72 s in Fastify) passes, so the grace timer forces exit code 1.',
          ]
        : []),
      'Requests written after the signal on kept-alive connections get 503 (Fastify return503OnClosing) ' +
        'or a closed socket (idle connections are closed at once); clients retry them elsewhere. They are ' +
        'reported, not judged.',
    ],
  );
}
