// The HTTP scenarios of the load benchmark, each with a check that an answer belongs to the
// school whose host was asked. Shared by bench/load.ts and the PgBouncer fault drill.
import autocannon from 'autocannon';
import type { School } from './dataset.js';

export interface Scenario {
  name: string;
  port: number;
  baseline?: string;
  request: (school: School) => {
    path: string;
    headers: Record<string, string>;
    method?: 'GET' | 'PUT';
    body?: string;
  };
  /** True when the body belongs to the school that was asked. */
  belongs?: (school: School, body: string) => boolean;
}

export interface Figure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  errors: number;
  non2xx: number;
  serverErrors: number;
  crossSchool: number;
  checked: number;
}

export function jsonField(body: string, pick: (v: Record<string, unknown>) => unknown): unknown {
  try {
    return pick(JSON.parse(body) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

const host = (s: School) => ({ host: `${s.slug}.localhost` });

export const BASELINE_ROW = 'baseline: node:http + pg primary-key row';

/** The benchmark's scenarios: two on the bare baseline server, four on the app. */
export function benchScenarios(appPort: number, basePort: number): Scenario[] {
  return [
    {
      name: 'baseline: node:http hello-world',
      port: basePort,
      request: () => ({ path: '/hello', headers: {} }),
    },
    {
      name: BASELINE_ROW,
      port: basePort,
      request: (s) => ({ path: `/row/${s.id}`, headers: {} }),
      belongs: (s, body) => jsonField(body, (v) => v.id) === s.id,
    },
    ...checkedAppScenarios(appPort),
  ];
}

/** The app scenarios, every one with a per-response school check. */
export function checkedAppScenarios(appPort: number): Scenario[] {
  return [
    {
      name: 'public school profile (tenant resolution)',
      port: appPort,
      baseline: BASELINE_ROW,
      request: (s) => ({ path: '/api/school', headers: host(s) }),
      belongs: (s, body) => jsonField(body, (v) => v.id) === s.id,
    },
    {
      name: 'GET /api/me (session)',
      port: appPort,
      baseline: BASELINE_ROW,
      request: (s) => ({ path: '/api/me', headers: { ...host(s), cookie: s.cookie } }),
      belongs: (s, body) =>
        jsonField(body, (v) => (v.user as { email?: string } | undefined)?.email) ===
        `admin@${s.slug}.test`,
    },
    {
      name: 'student list page',
      port: appPort,
      baseline: BASELINE_ROW,
      request: (s) => ({
        path: '/api/students?limit=20',
        headers: { ...host(s), cookie: s.cookie },
      }),
      belongs: (s, body) => {
        const items = jsonField(body, (v) => v.items) as { admissionNumber: string }[] | undefined;
        return (
          Array.isArray(items) &&
          items.length > 0 &&
          items.every((i) => i.admissionNumber.startsWith(`L${s.index}-`))
        );
      },
    },
    {
      name: 'student detail',
      port: appPort,
      baseline: BASELINE_ROW,
      request: (s) => ({
        path: `/api/students/${s.studentId}`,
        headers: { ...host(s), cookie: s.cookie },
      }),
      belongs: (s, body) =>
        String(jsonField(body, (v) => v.admissionNumber) ?? '').startsWith(`L${s.index}-`),
    },
    {
      name: 'attendance save (whole class register)',
      port: appPort,
      baseline: BASELINE_ROW,
      request: (s) => ({
        path: '/api/attendance/register',
        method: 'PUT',
        headers: {
          ...host(s),
          cookie: s.cookie,
          origin: `http://${s.slug}.localhost`,
          'content-type': 'application/json',
        },
        // Every other save marks one student absent, so saves alternate between a first
        // recording, an unchanged register and a correction with history.
        body: JSON.stringify({
          kind: 'class',
          classId: s.classId,
          date: new Date().toISOString().slice(0, 10),
          marks: Math.random() < 0.5 ? [] : [{ studentId: s.studentId, status: 'absent' }],
        }),
      }),
      belongs: (s, body) => {
        const register = jsonField(body, (v) => v) as
          { class?: { id?: string }; roster?: { admissionNumber: string }[] } | undefined;
        return (
          register?.class?.id === s.classId &&
          Array.isArray(register.roster) &&
          register.roster.length > 0 &&
          register.roster.every((r) => r.admissionNumber.startsWith(`L${s.index}-`))
        );
      },
    },
  ];
}

/** Drives one scenario with autocannon over uniformly random schools. */
export async function runScenario(
  scenario: Scenario,
  schools: School[],
  load: { connections: number; seconds: number },
): Promise<Figure> {
  let crossSchool = 0;
  let serverErrors = 0;
  let checked = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${scenario.port}`,
    connections: load.connections,
    duration: load.seconds,
    requests: [
      {
        setupRequest: (req, context: Record<string, unknown>) => {
          const school = schools[Math.floor(Math.random() * schools.length)] as School;
          context.school = school;
          const { path: p, headers, method, body } = scenario.request(school);
          return {
            ...req,
            method: method ?? 'GET',
            path: p,
            headers: { ...req.headers, ...headers },
            ...(body === undefined ? {} : { body }),
          };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          if (status >= 500) serverErrors++;
          if (!scenario.belongs || status !== 200) return;
          checked++;
          if (!scenario.belongs(context.school as School, body)) crossSchool++;
        },
      },
    ],
  } as autocannon.Options);
  const result = await instance;
  return {
    name: scenario.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9 ?? result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverErrors,
    crossSchool,
    checked,
  };
}
