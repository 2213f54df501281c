// Drills 1 and 4: two app nodes sharing a private, throwaway Redis.
//   4. A suspension made through node A's operator API is enforced by node B within 1 s.
//   1. Redis is killed under load and restarted: no 5xx, next to no errors, both nodes ready
//      again, and cross-node invalidation works again afterwards.
import os from 'node:os';
import type { School } from '../lib/dataset.js';
import { operatorPost, operatorSignIn } from '../lib/http.js';
import {
  freePort,
  sleep,
  startProcess,
  stopProcess,
  waitFor,
  type Process,
} from '../lib/processes.js';
import { checkedAppScenarios } from '../lib/scenarios.js';
import { timedLoad, windowFigures, type TimedLoad } from '../lib/timed-load.js';
import {
  drillResult,
  ms,
  readyz,
  startApp,
  tenantGet,
  type AppNode,
  type Check,
  type DrillContext,
  type DrillResult,
} from './common.js';

const LOAD_SECONDS = 8;
const KILL_AT_MS = 2_000;
const RESTART_AT_MS = 5_000;
/** Socket errors and timeouts allowed during the outage, as a fraction of its requests. */
export const OUTAGE_ERROR_BUDGET = 0.001;
const PROPAGATION_LIMIT_MS = 1_000;

async function startRedis(
  ctx: DrillContext,
  port: number,
): Promise<{ proc: Process; stop: () => Promise<void> }> {
  const proc = await startProcess(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--dir',
      os.tmpdir(),
    ],
    { name: `redis-server :${port}`, ready: /Ready to accept connections/, timeoutMs: 10_000 },
  );
  const stop = ctx.cleanup.add(`stop redis :${port}`, () => stopProcess(proc, 'SIGKILL', 5_000));
  return { proc, stop };
}

export interface Propagation {
  suspendAnsweredMs: number;
  statusOnAAfter: number;
  /** From node A's 200 to node B's first 423; null when B never answered 423 in 3 s. */
  enforcedOnBMs: number | null;
  pollsOnB: number;
  lastStatusOnB: number;
}

/** Warms node B's cache for a school, suspends it through node A, times B's first 423. */
export async function crossNodeSuspension(
  a: AppNode,
  b: AppNode,
  school: School,
  operatorCookie: string,
): Promise<Propagation> {
  for (const node of [a, b, b]) {
    const warm = await tenantGet(node.port, school, '/api/school', false);
    if (warm.status !== 200)
      throw new Error(`${node.name} answered ${warm.status} before the suspension`);
  }
  const sentAt = performance.now();
  const reply = await operatorPost(a.port, operatorCookie, `/api/schools/${school.id}/suspend`, {
    reason: 'fault drill: cross-node suspension',
  });
  const answeredAt = performance.now();
  if (reply.status !== 200)
    throw new Error(`suspend answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  let enforcedAt: number | null = null;
  let polls = 0;
  let last = 0;
  while (performance.now() - answeredAt < 3_000) {
    polls++;
    last = await tenantGet(b.port, school, '/api/school', false).then(
      (r) => r.status,
      () => 0,
    );
    if (last === 423) {
      enforcedAt = performance.now();
      break;
    }
    await sleep(10);
  }
  const onA = await tenantGet(a.port, school, '/api/school', false);
  return {
    suspendAnsweredMs: answeredAt - sentAt,
    statusOnAAfter: onA.status,
    enforcedOnBMs: enforcedAt === null ? null : enforcedAt - answeredAt,
    pollsOnB: polls,
    lastStatusOnB: last,
  };
}

function propagationChecks(label: string, p: Propagation): Check[] {
  return [
    {
      name: `${label}: node A answers 423 after its own suspension`,
      pass: p.statusOnAAfter === 423,
      detail: `status ${p.statusOnAAfter}`,
    },
    {
      name: `${label}: node B answers 423 within ${PROPAGATION_LIMIT_MS} ms`,
      pass: p.enforcedOnBMs !== null && p.enforcedOnBMs <= PROPAGATION_LIMIT_MS,
      detail:
        p.enforcedOnBMs === null
          ? `no 423 on B within 3 s (last status ${p.lastStatusOnB}, ${p.pollsOnB} polls)`
          : `${ms(p.enforcedOnBMs)} after node A answered (${p.pollsOnB} poll(s) of B)`,
    },
  ];
}

/** Answers (and errors) in each second since the load started. */
function perSecond(load: TimedLoad, from: number): number[] {
  const buckets: number[] = [];
  for (const at of [...load.responses.map((r) => r.at), ...load.errors.map((e) => e.at)]) {
    const i = Math.floor((at - from) / 1_000);
    if (i >= 0) buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return Array.from(buckets, (n) => n ?? 0);
}

function merge(loads: TimedLoad[]): TimedLoad {
  return {
    responses: loads.flatMap((l) => l.responses),
    errors: loads.flatMap((l) => l.errors),
    crossSchool: loads.reduce((n, l) => n + l.crossSchool, 0),
    checked: loads.reduce((n, l) => n + l.checked, 0),
    startedAt: Math.min(...loads.map((l) => l.startedAt)),
    endedAt: Math.max(...loads.map((l) => l.endedAt)),
  };
}

export async function redisDrills(ctx: DrillContext): Promise<DrillResult[]> {
  const redisPort = await freePort();
  let redis = await startRedis(ctx, redisPort);
  const env = {
    DATABASE_URL: ctx.dbUrl,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    REDIS_KEY_PREFIX: `drill${process.pid}:`,
  };
  const a = await startApp(ctx, 'node A', env);
  const b = await startApp(ctx, 'node B', env);
  ctx.log(`nodes A :${a.port} and B :${b.port} share redis :${redisPort}`);
  const cookie = await operatorSignIn(a.port, ctx.operator);
  const [steadySchool, afterSchool] = ctx.reserved;
  if (!steadySchool || !afterSchool) throw new Error('two reserved schools are needed');

  // Drill 4, steady state.
  const steady = await crossNodeSuspension(a, b, steadySchool, cookie);
  const drill4 = drillResult(
    '4',
    'Two nodes: suspension through A enforced by B (private Redis)',
    propagationChecks('steady state', steady),
    steady.enforcedOnBMs === null
      ? 'B never answered 423'
      : `B enforced after ${ms(steady.enforcedOnBMs)}`,
    { ...steady },
    [
      'Without Redis the nodes are independent by design: B keeps its cached copy of the school ' +
        '(per-node LRU, 60 s) and enforces the suspension only when that entry expires.',
    ],
  );

  // Drill 1, Redis outage under load on both nodes.
  ctx.log(
    `load ${LOAD_SECONDS} s on both nodes; kill Redis at ${KILL_AT_MS} ms, restart at ${RESTART_AT_MS} ms`,
  );
  const pick = (port: number) =>
    checkedAppScenarios(port).filter(
      (s) => s.name.startsWith('public school') || s.name.startsWith('GET /api/me'),
    );
  const loadStart = Date.now();
  const loads = Promise.all(
    [a, b].map((node) =>
      timedLoad({
        port: node.port,
        connections: 8,
        seconds: LOAD_SECONDS,
        schools: ctx.loadSchools,
        scenarios: pick(node.port),
      }),
    ),
  );
  const readiness: { at: number; a: number; b: number }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling && Date.now() - loadStart < (LOAD_SECONDS + 20) * 1_000) {
      const [ra, rb] = await Promise.all([readyz(a.port, 2_000), readyz(b.port, 2_000)]);
      readiness.push({ at: Date.now(), a: ra, b: rb });
      await sleep(200);
    }
  })();
  await sleep(Math.max(0, loadStart + KILL_AT_MS - Date.now()));
  const killAt = Date.now();
  await redis.stop();
  ctx.log(`redis killed (SIGKILL) at +${killAt - loadStart} ms`);
  await sleep(Math.max(0, loadStart + RESTART_AT_MS - Date.now()));
  const restartAt = Date.now();
  redis = await startRedis(ctx, redisPort);
  const redisBackAt = Date.now();
  ctx.log(
    `redis restarted at +${restartAt - loadStart} ms, accepting at +${redisBackAt - loadStart} ms`,
  );
  const load = merge(await loads);
  const bothReadyAt = await waitFor(
    async () => {
      const [ra, rb] = await Promise.all([readyz(a.port, 1_500), readyz(b.port, 1_500)]);
      return ra === 200 && rb === 200 ? Date.now() : undefined;
    },
    15_000,
    100,
  );
  polling = false;
  await poller;

  const outage = windowFigures(load, killAt, redisBackAt);
  const whole = windowFigures(load, 0, Number.MAX_SAFE_INTEGER);
  const budget = Math.floor(outage.requests * OUTAGE_ERROR_BUDGET);
  const down = readiness.filter((r) => r.at > killAt + 300 && r.at < redisBackAt);
  const after =
    bothReadyAt === undefined ? null : await crossNodeSuspension(a, b, afterSchool, cookie);

  const checks: Check[] = [
    {
      name: 'no 5xx while Redis is down',
      pass: outage.serverErrors === 0,
      detail: `${outage.serverErrors} 5xx of ${outage.requests} requests in the ${ms(redisBackAt - killAt)} outage`,
    },
    {
      name: `errors while Redis is down ≤ ${OUTAGE_ERROR_BUDGET * 100}% of its requests`,
      pass: outage.errors <= budget,
      detail: `${outage.errors} socket errors/timeouts (budget ${budget} of ${outage.requests})`,
    },
    {
      name: 'no 5xx and no socket errors over the whole run',
      pass: whole.serverErrors === 0 && whole.errors === 0,
      detail: `${whole.requests} requests, ${whole.serverErrors} 5xx, ${whole.errors} errors`,
    },
    {
      name: 'every checked answer belongs to the school asked',
      pass: load.crossSchool === 0 && load.checked > 0,
      detail: `${load.crossSchool} cross-school of ${load.checked} checked`,
    },
    {
      name: 'both nodes /readyz 200 again within 15 s of Redis accepting',
      pass: bothReadyAt !== undefined,
      detail:
        bothReadyAt === undefined
          ? 'not ready within 15 s'
          : `${ms(bothReadyAt - redisBackAt)} after Redis accepted`,
    },
    ...(after
      ? propagationChecks('after the outage', after)
      : [
          {
            name: 'after the outage: suspension propagates',
            pass: false,
            detail: 'nodes never became ready',
          },
        ]),
  ];
  const seconds = (load.endedAt - load.startedAt) / 1_000;
  const drill1 = drillResult(
    '1',
    'Redis outage under load (2 nodes, private Redis)',
    checks,
    `outage ${ms(redisBackAt - killAt)}: ${outage.requests} req, ${outage.serverErrors} 5xx, ${outage.errors} errors; ` +
      `ready again +${bothReadyAt === undefined ? '∞' : ms(bothReadyAt - redisBackAt)}; B 423 after ${after?.enforcedOnBMs == null ? '—' : ms(after.enforcedOnBMs)}`,
    {
      loadSeconds: LOAD_SECONDS,
      connectionsPerNode: 8,
      requestsPerSecond: Math.round(whole.requests / seconds),
      killAtMs: killAt - loadStart,
      restartAtMs: restartAt - loadStart,
      redisAcceptingAtMs: redisBackAt - loadStart,
      outageMs: redisBackAt - killAt,
      outage,
      whole,
      answersPerSecond: perSecond(load, loadStart),
      errorBudget: OUTAGE_ERROR_BUDGET,
      crossSchool: load.crossSchool,
      checked: load.checked,
      readyAgainMs: bothReadyAt === undefined ? null : bothReadyAt - redisBackAt,
      readyzWhileDown: {
        polls: down.length,
        nodeA503: down.filter((r) => r.a === 503).length,
        nodeB503: down.filter((r) => r.b === 503).length,
      },
      propagationAfterOutage: after,
    },
    down.some((r) => r.a === 503 || r.b === 503)
      ? [
          `While Redis was down /readyz answered 503 on ${down.filter((r) => r.a === 503).length}/${down.length} ` +
            `polls of node A and ${down.filter((r) => r.b === 503).length}/${down.length} of node B, although ` +
            'both kept serving: a load balancer that routes on /readyz would take every node out during a ' +
            'Redis outage, turning an optional accelerator into a hard dependency.',
        ]
      : [],
  );
  await Promise.all([a.stop(), b.stop()]);
  await redis.stop();
  return [drill1, drill4];
}
