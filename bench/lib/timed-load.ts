// Autocannon load that keeps a timeline: when each response or socket error happened, its
// status and latency, so a drill can count what happened inside a fault window. Requests are
// spread over random schools and a mix of scenarios, and every 200 is checked to belong to
// the school whose host was asked.
import autocannon from 'autocannon';
import type { School } from './dataset.js';
import type { Scenario } from './scenarios.js';

export interface TimedResponse {
  /** Date.now() when the response completed. */
  at: number;
  status: number;
  ms: number;
}

export interface TimedError {
  at: number;
  code: string;
}

export interface TimedLoad {
  responses: TimedResponse[];
  errors: TimedError[];
  crossSchool: number;
  checked: number;
  startedAt: number;
  endedAt: number;
}

export async function timedLoad(options: {
  port: number;
  connections: number;
  seconds: number;
  schools: School[];
  scenarios: Scenario[];
  timeoutSeconds?: number;
}): Promise<TimedLoad> {
  const out: TimedLoad = {
    responses: [],
    errors: [],
    crossSchool: 0,
    checked: 0,
    startedAt: Date.now(),
    endedAt: 0,
  };
  const { schools, scenarios } = options;
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${options.port}`,
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeoutSeconds ?? 10,
        requests: [
          {
            setupRequest: (req, context: Record<string, unknown>) => {
              const school = schools[Math.floor(Math.random() * schools.length)] as School;
              const scenario = scenarios[Math.floor(Math.random() * scenarios.length)] as Scenario;
              context.school = school;
              context.scenario = scenario;
              const { path, headers, method, body } = scenario.request(school);
              return {
                ...req,
                method: method ?? 'GET',
                path,
                headers: { ...req.headers, ...headers },
                ...(body === undefined ? {} : { body }),
              };
            },
            onResponse: (status: number, body: string, context: Record<string, unknown>) => {
              const scenario = context.scenario as Scenario | undefined;
              if (status !== 200 || !scenario?.belongs) return;
              out.checked++;
              if (!scenario.belongs(context.school as School, body)) out.crossSchool++;
            },
          },
        ],
      } as autocannon.Options,
      (error: unknown) => (error ? reject(error as Error) : resolve()),
    );
  });
  instance?.on('response', (_client, status, _bytes, ms) => {
    out.responses.push({ at: Date.now(), status, ms });
  });
  instance?.on('reqError', (error: Error & { code?: string }) => {
    out.errors.push({ at: Date.now(), code: error.code ?? error.message });
  });
  await finished;
  out.endedAt = Date.now();
  return out;
}

/** Counts of a timeline between two instants (inclusive start, exclusive end). */
export function windowFigures(load: TimedLoad, from: number, to: number) {
  const responses = load.responses.filter((r) => r.at >= from && r.at < to);
  const errors = load.errors.filter((e) => e.at >= from && e.at < to);
  const failed = responses.filter((r) => r.status >= 500);
  const byStatus: Record<string, number> = {};
  for (const r of responses) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const errorCodes: Record<string, number> = {};
  for (const e of errors) errorCodes[e.code] = (errorCodes[e.code] ?? 0) + 1;
  return {
    requests: responses.length + errors.length,
    responses: responses.length,
    ok: responses.filter((r) => r.status >= 200 && r.status < 300).length,
    serverErrors: failed.length,
    byStatus,
    errors: errors.length,
    errorCodes,
    maxFailedMs: failed.reduce((max, r) => Math.max(max, r.ms), 0),
    maxMs: responses.reduce((max, r) => Math.max(max, r.ms), 0),
  };
}
