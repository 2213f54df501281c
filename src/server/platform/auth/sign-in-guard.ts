import { createHash } from 'node:crypto';
import type { CounterStore } from '../cache/counter-store.js';
import { AppError } from '../errors/app-error.js';

// Brute-force protection for every sign-in form. Two independent limits:
//   - per client address: attempts per minute, whatever the account;
//   - per account (school + email, or platform + email): after N failures the account is
//     locked for a time that doubles with each further failure (1, 2, 4 … 60 minutes).
// Unknown emails are counted exactly like real ones, so the answers reveal nothing.

const FAILURE_WINDOW_MS = 24 * 3_600_000;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;

export interface SignInGuardOptions {
  maxFailures: number;
  perIpPerMinute: number;
}

function accountKey(scope: string, email: string): string {
  const digest = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
  return scope === 'platform' ? `p:signin:${digest}` : `t:${scope}:signin:${digest}`;
}

function tooMany(waitMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return new AppError(
    'RATE_LIMITED',
    `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    undefined,
    { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  );
}

export class SignInGuard {
  constructor(
    private readonly store: CounterStore,
    private readonly options: SignInGuardOptions,
  ) {}

  /** Throws 429 when this address or this account may not try now. */
  async beforeAttempt(scope: string, email: string, ip: string): Promise<void> {
    const perIp = await this.store.increment(`p:signin-ip:${ip}`, 60_000);
    if (perIp.count > this.options.perIpPerMinute) throw tooMany(perIp.resetInMs);
    const locked = await this.store.remaining(`${accountKey(scope, email)}:lock`);
    if (locked > 0) throw tooMany(locked);
  }

  async recordFailure(scope: string, email: string): Promise<void> {
    const key = accountKey(scope, email);
    const { count } = await this.store.increment(`${key}:failures`, FAILURE_WINDOW_MS);
    if (count >= this.options.maxFailures) {
      const step = count - this.options.maxFailures;
      const lockMs = Math.min(FIRST_LOCK_MS * 2 ** Math.min(step, 10), LONGEST_LOCK_MS);
      await this.store.mark(`${key}:lock`, lockMs);
    }
  }

  async recordSuccess(scope: string, email: string): Promise<void> {
    const key = accountKey(scope, email);
    await this.store.clear(`${key}:failures`, `${key}:lock`);
  }
}
