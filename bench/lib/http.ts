// A tiny HTTP client for probes: always 127.0.0.1, an explicit Host header, a hard timeout,
// and by default a fresh connection per request (so "is the listener still accepting?" is
// what gets measured, not a kept-alive socket).
import http from 'node:http';
import { Secret, TOTP } from 'otpauth';
import type { OperatorAccount } from './dataset.js';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from sending to the end of the body. */
  ms: number;
}

export interface RequestOptions {
  port: number;
  path: string;
  host: string;
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  /** A raw body; set its content-type in `headers`. */
  body?: string;
  timeoutMs?: number;
  agent?: http.Agent | false;
}

/** Resolves with the reply; rejects on a socket error or timeout (error.code says which). */
export function request(options: RequestOptions): Promise<Reply> {
  const body = options.json === undefined ? options.body : JSON.stringify(options.json);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        agent: options.agent ?? false,
        headers: {
          host: options.host,
          ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.setTimeout(options.timeoutMs ?? 5_000, () => {
      const error = new Error(`timed out after ${options.timeoutMs ?? 5_000} ms`) as Error & {
        code: string;
      };
      error.code = 'ETIMEDOUT';
      req.destroy(error);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : (error as Error).message;
}

export function totpCode(secretBase32: string): string {
  return new TOTP({
    secret: Secret.fromBase32(secretBase32),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate();
}

/** Signs the operator in on the platform host; returns the `sh_operator=...` cookie pair. */
export async function operatorSignIn(port: number, account: OperatorAccount): Promise<string> {
  const reply = await request({
    port,
    method: 'POST',
    path: '/api/auth/sign-in',
    host: `admin.localhost:${port}`,
    headers: { origin: `http://admin.localhost:${port}` },
    json: { email: account.email, password: account.password, totp: totpCode(account.totpSecret) },
  });
  const cookies = reply.headers['set-cookie'] ?? [];
  const pair = cookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('sh_operator='));
  if (reply.status !== 200 || !pair) {
    throw new Error(`operator sign-in answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  return pair;
}

/** A POST on the platform host as the signed-in operator (same-origin, as a browser sends). */
export function operatorPost(
  port: number,
  cookie: string,
  path: string,
  json: unknown,
  timeoutMs = 10_000,
): Promise<Reply> {
  return request({
    port,
    method: 'POST',
    path,
    host: `admin.localhost:${port}`,
    headers: { origin: `http://admin.localhost:${port}`, cookie },
    json,
    timeoutMs,
  });
}
