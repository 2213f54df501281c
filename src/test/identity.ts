import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { insertUser } from '../server/modules/users/users.repository.js';
import { hashPassword } from '../server/platform/auth/passwords.js';
import type { Database } from '../server/platform/db/database.js';
import { newId } from '../server/platform/db/ids.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let sharedHash: Promise<string> | null = null;

export async function createUser(
  db: Database,
  schoolId: string,
  options: {
    email?: string;
    name?: string;
    roles?: string[];
    status?: 'active' | 'invited' | 'disabled';
    password?: string;
  } = {},
) {
  const email = options.email ?? `user-${newId().slice(-12)}@example.test`;
  const passwordHash =
    options.password === undefined
      ? await (sharedHash ??= hashPassword(TEST_PASSWORD))
      : await hashPassword(options.password);
  return db.withTenant(schoolId, (tx) =>
    insertUser(tx, {
      schoolId,
      id: newId(),
      email,
      name: options.name ?? email.split('@')[0] ?? 'someone',
      roles: options.roles ?? [],
      status: options.status ?? 'active',
      passwordHash,
    }),
  );
}

/** A client bound to one host, carrying cookies like a browser would (host-only). */
export class HostClient {
  cookie: string | null = null;

  constructor(
    readonly app: FastifyInstance,
    readonly host: string,
    readonly ip = '127.0.0.1',
  ) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        host: this.host,
        accept: 'application/json',
        ...(method === 'GET' ? {} : { origin: `http://${this.host}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const setCookie = res.headers['set-cookie'];
    for (const raw of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const pair = raw.split(';')[0] ?? '';
      const [name, value] = pair.split('=');
      if (!name) continue;
      this.cookie = value ? `${name}=${value}` : null;
      if (/Expires=Thu, 01 Jan 1970/i.test(raw)) this.cookie = null;
    }
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/sign-in', { email, password });
  }
}

/** The token from the newest outbox link of the given kind, read as the owner would. */
export function tokenFromText(text: string, path: string): string {
  const match = new RegExp(`${path}#token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

/** Signs an operator in on the platform host, enrolling a known second factor first. */
export async function signInOperatorWithTotp(
  client: HostClient,
  owner: { query(text: string, params?: unknown[]): Promise<unknown[]> },
  email: string,
  password = TEST_PASSWORD,
): Promise<LightMyRequestResponse> {
  const { Secret, TOTP } = await import('otpauth');
  const secret = new Secret({ size: 20 }).base32;
  await owner.query('update operators set totp_secret = $1 where email = $2', [secret, email]);
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
  return client.post('/api/auth/sign-in', { email, password, totp: code });
}
