// What every fault drill shares: the result shape, a clean-up stack that also runs on Ctrl-C,
// and starting the built server as a child process.
import fs from 'node:fs';
import path from 'node:path';
import { request } from '../lib/http.js';
import { startProcess, stopProcess, freePort, type Process } from '../lib/processes.js';
import type { OperatorAccount, School } from '../lib/dataset.js';

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export interface DrillResult {
  id: string;
  name: string;
  pass: boolean;
  /** One line of the headline figures, for the summary table. */
  headline: string;
  checks: Check[];
  figures: Record<string, unknown>;
  notes: string[];
}

export function drillResult(
  id: string,
  name: string,
  checks: Check[],
  headline: string,
  figures: Record<string, unknown>,
  notes: string[] = [],
): DrillResult {
  return {
    id,
    name,
    pass: checks.length > 0 && checks.every((c) => c.pass),
    headline,
    checks,
    figures,
    notes,
  };
}

export function failedDrill(id: string, name: string, error: unknown): DrillResult {
  const message = (error as Error).stack ?? String(error);
  return drillResult(
    id,
    name,
    [{ name: 'drill ran to the end', pass: false, detail: message }],
    'error',
    {},
  );
}

/** Clean-up actions, run last-in first-out; each runs once even if asked twice. */
export class Cleanup {
  private readonly tasks: { name: string; run: () => Promise<void> }[] = [];

  add(name: string, fn: () => Promise<unknown>): () => Promise<void> {
    let done = false;
    const task = {
      name,
      run: async () => {
        if (done) return;
        done = true;
        const index = this.tasks.indexOf(task);
        if (index >= 0) this.tasks.splice(index, 1);
        try {
          await fn();
        } catch (error) {
          process.stderr.write(`clean-up "${name}" failed: ${(error as Error).message}\n`);
        }
      },
    };
    this.tasks.push(task);
    return task.run;
  }

  private running: Promise<void> | null = null;

  /** Runs every task; a second caller (Ctrl-C during clean-up) waits for the same run. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.tasks.length > 0) await this.tasks[this.tasks.length - 1]?.run();
    })();
    return this.running;
  }
}

export interface DrillContext {
  /** A PostgreSQL server URL (BENCH_DATABASE_URL). */
  serverUrl: string;
  /** The shared drill database on that server, migrated and seeded. */
  dbUrl: string;
  dbName: string;
  /** Schools 1..300 carry load; the rest are reserved for suspensions and probes. */
  loadSchools: School[];
  reserved: School[];
  operator: OperatorAccount;
  cleanup: Cleanup;
  log(message: string): void;
}

export interface AppNode {
  name: string;
  port: number;
  proc: Process;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const LOG_DIR = path.resolve('bench/results/fault-drills-logs');

/** The built server; BENCH_SERVER_ENTRY points the drills at another build (to try a fix). */
export const SERVER_ENTRY = process.env.BENCH_SERVER_ENTRY ?? 'dist/server/main.js';

/** Starts `node dist/server/main.js` on a free port, bound to 127.0.0.1, without demo data. */
export async function startApp(
  ctx: Pick<DrillContext, 'cleanup'>,
  name: string,
  env: Record<string, string>,
): Promise<AppNode> {
  const port = await freePort();
  const proc = await startProcess('node', [SERVER_ENTRY], {
    name,
    env: {
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      DB_POOL_MAX: '10',
      ...env,
    },
    ready: /Schoolhouse is running/,
    timeoutMs: 60_000,
    keepOutputBytes: 4 * 1024 * 1024,
  });
  const stop = ctx.cleanup.add(`stop ${name}`, async () => {
    await stopProcess(proc, 'SIGTERM', 12_000);
    // The end of its output, for reading after a failure (*.log is git-ignored).
    fs.mkdirSync(LOG_DIR, { recursive: true });
    fs.writeFileSync(path.join(LOG_DIR, `${name.replace(/\W+/g, '-')}.log`), proc.output());
  });
  return { name, port, proc, stop: () => stop() };
}

/** The status /readyz answers now, or 0 when the request itself failed. */
export async function readyz(port: number, timeoutMs = 3_000): Promise<number> {
  try {
    return (await request({ port, path: '/readyz', host: 'localhost', timeoutMs })).status;
  } catch {
    return 0;
  }
}

export function tenantGet(port: number, school: School, path: string, withSession: boolean) {
  return request({
    port,
    path,
    host: `${school.slug}.localhost`,
    headers: withSession ? { cookie: school.cookie } : {},
    timeoutMs: 5_000,
  });
}

/** The gist of a crashed Node process's output: the thrown error, where it was emitted, its code. */
export function crashSummary(output: string): string {
  const lines = output.split('\n');
  const pick = (pattern: RegExp) => lines.find((l) => pattern.test(l))?.trim();
  const parts = [
    pick(/Unhandled '?error'? event|^\S*Error\b|^error: /),
    pick(/^error: |^\w*Error: /),
    pick(/^Emitted 'error' event on/),
    pick(/^\s*code: '/),
  ].filter((p): p is string => Boolean(p));
  return [...new Set(parts)].join(' | ') || output.slice(-500);
}

export const ms = (value: number) => `${Math.round(value)} ms`;
