// Child processes and small timing helpers shared by the load benchmark and the fault drills.
// Every wait here is bounded: a child that never prints its ready line, or never exits, is an
// error after a timeout, not a hang.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Keeps the last `max` characters of a child's output, for error messages. */
function tail(max: number) {
  let text = '';
  return {
    add(chunk: string) {
      text = (text + chunk).slice(-max);
    },
    get: () => text,
  };
}

/**
 * Spawns a command and resolves once its output matches `ready`. Rejects when it exits first
 * or stays silent for `timeoutMs`.
 */
export function start(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<ChildProcess> {
  return startProcess(command, args, { env, ready, timeoutMs }).then((p) => p.child);
}

export interface Process {
  name: string;
  child: ChildProcess;
  /** The end of stdout and stderr together. */
  output(): string;
  /** Settles when the process has exited (never rejects). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  isRunning(): boolean;
}

export interface StartOptions {
  env?: Record<string, string>;
  ready: RegExp;
  timeoutMs?: number;
  name?: string;
  /** How much of the output to keep (the end of it); 256 KiB unless told. */
  keepOutputBytes?: number;
}

export function startProcess(
  command: string,
  args: string[],
  options: StartOptions,
): Promise<Process> {
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = tail(options.keepOutputBytes ?? 256 * 1024);
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => {
      child.on('exit', (code, signal) => {
        running = false;
        resolve({ code, signal, at: Date.now() });
      });
      child.on('error', (error) => {
        running = false;
        output.add(`\n${String(error)}\n`);
        resolve({ code: null, signal: null, at: Date.now() });
      });
    },
  );
  const proc: Process = {
    name: options.name ?? `${command} ${args.join(' ')}`,
    child,
    output: output.get,
    exited,
    isRunning: () => running,
  };
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      child.kill('SIGKILL');
      reject(
        new Error(
          `${proc.name} did not start within ${options.timeoutMs ?? 60_000} ms:\n${output.get()}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output.add(chunk.toString());
      if (!done && options.ready.test(output.get())) {
        done = true;
        clearTimeout(timer);
        resolve(proc);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(
        new Error(`${proc.name} exited (${code ?? signal}) before it was ready:\n${output.get()}`),
      );
    });
  });
}

/** Signals a process and waits for it to exit; SIGKILL after `timeoutMs`. */
export async function stopProcess(
  proc: Process,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 10_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }> {
  if (proc.isRunning()) proc.child.kill(signal);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  try {
    return await proc.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion; rejects on a non-zero exit or after `timeoutMs`. */
export function run(
  command: string,
  args: string[],
  timeoutMs = 60_000,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/** Polls `check` every `intervalMs` until it returns a value; undefined after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(intervalMs);
  }
  return undefined;
}
