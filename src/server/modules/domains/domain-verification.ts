import type { DomainStatus } from '../schools/schools.table.js';
import type { DomainResolver } from './dns-resolver.js';

// The rules of proving a domain: which records to publish, what a check concludes, and when
// to look again. Pure apart from checkDns, which only asks the injected resolver.

export const MAX_ATTEMPTS = 10;
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 3_600_000;
const TXT_LABEL = '_schoolhouse';
const TXT_VALUE_PREFIX = 'schoolhouse-verification=';

export function txtRecordName(hostname: string): string {
  return `${TXT_LABEL}.${hostname}`;
}

export function txtRecordValue(token: string): string {
  return `${TXT_VALUE_PREFIX}${token}`;
}

/** Wait before the next automatic check after `failures` failed ones: 1, 2, 4 ... 60 minutes. */
export function backoffMs(failures: number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, MAX_RETRY_MS);
}

export interface CheckResult {
  txtOk: boolean;
  cnameOk: boolean;
  /** Why the TXT check failed, in words an administrator can act on; null when it passed. */
  error: string | null;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeDnsError(error: unknown, name: string): string {
  switch (codeOf(error)) {
    case 'ENOTFOUND':
      return `NXDOMAIN: ${name} does not exist in DNS yet.`;
    case 'ENODATA':
      return `No TXT record was found at ${name}.`;
    case 'ETIMEOUT':
    case 'ECANCELLED':
      return `The DNS lookup of ${name} timed out.`;
    case 'ESERVFAIL':
      return `The DNS servers for ${name} answered with an error (SERVFAIL).`;
    case 'EREFUSED':
    case 'ECONNREFUSED':
      return `The DNS servers refused to answer for ${name}.`;
    default:
      return `The DNS lookup of ${name} failed (${codeOf(error) ?? 'unknown error'}).`;
  }
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '');
}

/**
 * Only the TXT record decides: an apex domain (school.edu) cannot carry a CNAME, so the CNAME
 * is reported as guidance and never required.
 */
export async function checkDns(
  resolver: DomainResolver,
  domain: { hostname: string; token: string; cnameTarget: string },
): Promise<CheckResult> {
  const name = txtRecordName(domain.hostname);
  const expected = txtRecordValue(domain.token);
  const [txt, cnameOk] = await Promise.all([
    resolver.resolveTxt(name).then(
      (records) => {
        // A long TXT record arrives as several strings that form one value.
        const values = records.map((chunks) => chunks.join('').trim());
        if (values.includes(expected)) return { ok: true, error: null };
        const found = values.slice(0, 3).map(quoted).join(', ');
        return {
          ok: false,
          error:
            values.length === 0
              ? `No TXT record was found at ${name}.`
              : `The TXT record at ${name} does not hold the expected value ${expected} (found ${found}).`,
        };
      },
      (error: unknown) => ({ ok: false, error: describeDnsError(error, name) }),
    ),
    resolver.resolveCname(domain.hostname).then(
      (targets) => targets.some((t) => sameName(t, domain.cnameTarget)),
      () => false,
    ),
  ]);
  return { txtOk: txt.ok, cnameOk, error: txt.error };
}

export interface VerificationState {
  status: DomainStatus;
  attempts: number;
  verifiedAt: Date | null;
}

export interface NextState extends VerificationState {
  lastError: string | null;
  lastCheckedAt: Date;
  nextCheckAt: Date | null;
}

/**
 * What a check does to a domain. A verified domain is never withdrawn by a failed re-check (a
 * DNS hiccup must not take a school offline); only removing it does.
 */
export function nextState(current: VerificationState, result: CheckResult, now: Date): NextState {
  if (result.txtOk) {
    return {
      status: 'verified',
      attempts: current.attempts,
      verifiedAt: current.status === 'verified' && current.verifiedAt ? current.verifiedAt : now,
      lastError: null,
      lastCheckedAt: now,
      nextCheckAt: null,
    };
  }
  const lastError = result.error ?? 'The verification record was not found.';
  if (current.status === 'verified') {
    return {
      status: 'verified',
      attempts: current.attempts,
      verifiedAt: current.verifiedAt,
      lastError,
      lastCheckedAt: now,
      nextCheckAt: null,
    };
  }
  const attempts = current.attempts + 1;
  if (attempts >= MAX_ATTEMPTS) {
    return {
      status: 'failed',
      attempts,
      verifiedAt: null,
      lastError,
      lastCheckedAt: now,
      nextCheckAt: null,
    };
  }
  return {
    status: 'pending',
    attempts,
    verifiedAt: null,
    lastError,
    lastCheckedAt: now,
    nextCheckAt: new Date(now.getTime() + backoffMs(attempts)),
  };
}
