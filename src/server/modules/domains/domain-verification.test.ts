import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/test-app.js';
import { AppError } from '../../platform/errors/app-error.js';
import { FakeResolver } from './dns-resolver.js';
import {
  backoffMs,
  checkDns,
  MAX_ATTEMPTS,
  nextState,
  txtRecordName,
  txtRecordValue,
  type CheckResult,
} from './domain-verification.js';
import { validateHostname } from './domains.service.js';

const now = new Date('2030-01-01T00:00:00.000Z');
const passed: CheckResult = { txtOk: true, cnameOk: false, error: null };
const missing: CheckResult = { txtOk: false, cnameOk: false, error: 'NXDOMAIN: nothing here.' };

describe('backoff between automatic checks', () => {
  it('doubles from one minute and stops growing at one hour', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffMs)).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
    ]);
    expect(backoffMs(7)).toBe(3_600_000);
    expect(backoffMs(9)).toBe(3_600_000);
    expect(backoffMs(1_000)).toBe(3_600_000);
  });

  it('treats zero or fewer failures like the first', () => {
    expect(backoffMs(0)).toBe(60_000);
    expect(backoffMs(-3)).toBe(60_000);
  });
});

describe('what a check does to a domain', () => {
  it('verifies on a matching TXT record and clears the last error', () => {
    const next = nextState({ status: 'pending', attempts: 4, verifiedAt: null }, passed, now);
    expect(next).toEqual({
      status: 'verified',
      attempts: 4,
      verifiedAt: now,
      lastError: null,
      lastCheckedAt: now,
      nextCheckAt: null,
    });
  });

  it('keeps the original verification time when a verified domain passes again', () => {
    const earlier = new Date('2029-06-01T00:00:00.000Z');
    const next = nextState({ status: 'verified', attempts: 0, verifiedAt: earlier }, passed, now);
    expect(next.verifiedAt).toBe(earlier);
  });

  it('counts a failure, keeps the domain pending and schedules the next check', () => {
    const next = nextState({ status: 'pending', attempts: 2, verifiedAt: null }, missing, now);
    expect(next.status).toBe('pending');
    expect(next.attempts).toBe(3);
    expect(next.lastError).toBe('NXDOMAIN: nothing here.');
    expect(next.nextCheckAt?.getTime()).toBe(now.getTime() + 240_000);
  });

  it('gives up after the tenth failure', () => {
    const next = nextState(
      { status: 'pending', attempts: MAX_ATTEMPTS - 1, verifiedAt: null },
      missing,
      now,
    );
    expect(next).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextCheckAt: null });
  });

  it('never withdraws a verified domain because a re-check failed', () => {
    const next = nextState({ status: 'verified', attempts: 1, verifiedAt: now }, missing, now);
    expect(next).toMatchObject({ status: 'verified', attempts: 1, verifiedAt: now });
    expect(next.lastError).toBe('NXDOMAIN: nothing here.');
  });
});

describe('asking DNS', () => {
  const domain = { hostname: 'portal.example.edu', token: 'abc123', cnameTarget: 'oak.localhost' };

  it('accepts the value split across TXT chunks, among other records', async () => {
    const resolver = new FakeResolver()
      .setTxt(txtRecordName(domain.hostname), [
        'v=spf1 -all',
        ['schoolhouse-verification=', 'abc123'],
      ])
      .setCname(domain.hostname, 'OAK.localhost.');
    expect(await checkDns(resolver, domain)).toEqual({ txtOk: true, cnameOk: true, error: null });
  });

  it('decides on the TXT record alone: an apex domain without a CNAME still passes', async () => {
    const resolver = new FakeResolver().setTxt(txtRecordName(domain.hostname), [
      txtRecordValue('abc123'),
    ]);
    expect(await checkDns(resolver, domain)).toMatchObject({ txtOk: true, cnameOk: false });
  });

  it('explains a wrong value, a missing name, a missing record and a timeout', async () => {
    const name = txtRecordName(domain.hostname);
    const wrong = await checkDns(
      new FakeResolver().setTxt(name, ['schoolhouse-verification=other']),
      domain,
    );
    expect(wrong.txtOk).toBe(false);
    expect(wrong.error).toContain('does not hold the expected value');
    expect(wrong.error).toContain('"schoolhouse-verification=other"');

    expect((await checkDns(new FakeResolver(), domain)).error).toMatch(/^NXDOMAIN/);
    const noData = new FakeResolver().setCname(name, 'elsewhere.example');
    expect((await checkDns(noData, domain)).error).toBe(`No TXT record was found at ${name}.`);
    const slow = new FakeResolver().fail(name, 'ETIMEOUT');
    expect((await checkDns(slow, domain)).error).toBe(`The DNS lookup of ${name} timed out.`);
  });
});

describe('which hostnames a school may connect', () => {
  const hosts = testConfig({ PREVIEW_SUFFIXES: 'preview.test' }).hosts;

  function refusal(raw: string): string | undefined {
    try {
      validateHostname(raw, hosts);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe('VALIDATION_FAILED');
      expect(appError.details?.[0]?.field).toBe('hostname');
      return appError.details?.[0]?.code;
    }
    return undefined;
  }

  it('normalises case, a trailing dot and internationalised names', () => {
    expect(validateHostname(' Portal.Example.EDU. ', hosts)).toBe('portal.example.edu');
    expect(validateHostname('bücher.example', hosts)).toBe('xn--bcher-kva.example');
  });

  it("refuses the platform's own names, previews, addresses and non-public names", () => {
    expect(refusal('greenwood.localhost')).toBe('reserved');
    expect(refusal('admin.schoolhouse.test')).toBe('reserved');
    expect(refusal('www.schoolhouse.test')).toBe('reserved');
    expect(refusal('a.b.localhost')).toBe('reserved');
    expect(refusal('greenwood---feat.preview.test')).toBe('reserved');
    expect(refusal('feat.preview.test')).toBe('reserved');
    expect(refusal('203.0.113.7')).toBe('ip_address');
    expect(refusal('[2001:db8::1]')).toBe('ip_address');
    expect(refusal('intranet')).toBe('not_public');
    expect(refusal('printer.local')).toBe('not_public');
    expect(refusal('portal.example.edu:8443')).toBe('port');
    expect(refusal('https://portal.example.edu')).toBe('invalid');
    expect(refusal('portal..example.edu')).toBe('invalid');
    expect(
      refusal(`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.edu`),
    ).toBe('too_long');
  });
});
