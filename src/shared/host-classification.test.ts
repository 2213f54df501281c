import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  type HostClass,
  type HostConfig,
  classifyHost,
  normaliseHost,
} from './host-classification.js';
import { isValidSlug } from './slug.js';

const config: HostConfig = {
  rootDomains: ['localhost', 'schoolhouse.app'],
  platformSubdomain: 'admin',
  previewSuffixes: ['vercel.app'],
};

type Case = { host: string | undefined | null; expected: HostClass; why: string };

const tenant = (host: string, slug: string, root: string, preview: string | null = null) =>
  ({ kind: 'tenant', host, slug, root, preview }) as const;

const cases: Case[] = [
  // roots and www
  { host: 'localhost', expected: { kind: 'marketing', host: 'localhost' }, why: 'a bare root' },
  {
    host: 'schoolhouse.app',
    expected: { kind: 'marketing', host: 'schoolhouse.app' },
    why: 'a second configured root',
  },
  {
    host: 'www.schoolhouse.app',
    expected: { kind: 'marketing', host: 'www.schoolhouse.app' },
    why: 'www under a root',
  },
  {
    host: 'www.localhost',
    expected: { kind: 'marketing', host: 'www.localhost' },
    why: 'www under the local root',
  },
  // platform
  {
    host: 'admin.localhost',
    expected: { kind: 'platform', host: 'admin.localhost', root: 'localhost' },
    why: 'the platform subdomain under a root',
  },
  {
    host: 'admin.schoolhouse.app',
    expected: { kind: 'platform', host: 'admin.schoolhouse.app', root: 'schoolhouse.app' },
    why: 'the platform subdomain under the other root',
  },
  // tenants
  {
    host: 'greenwood.localhost',
    expected: tenant('greenwood.localhost', 'greenwood', 'localhost'),
    why: 'one valid slug label under a root',
  },
  {
    host: 'oak-ridge-2.schoolhouse.app',
    expected: tenant('oak-ridge-2.schoolhouse.app', 'oak-ridge-2', 'schoolhouse.app'),
    why: 'a hyphenated slug with digits',
  },
  // reserved and invalid slugs
  {
    host: 'api.localhost',
    expected: { kind: 'unknown', host: 'api.localhost' },
    why: 'a reserved label is never a school',
  },
  {
    host: 'x.localhost',
    expected: { kind: 'unknown', host: 'x.localhost' },
    why: 'a label too short to be a slug',
  },
  {
    host: 'green--wood.localhost',
    expected: { kind: 'unknown', host: 'green--wood.localhost' },
    why: 'a label with a double hyphen',
  },
  {
    host: `${'a'.repeat(63)}.localhost`,
    expected: tenant(`${'a'.repeat(63)}.localhost`, 'a'.repeat(63), 'localhost'),
    why: 'a 63-character label is the longest slug',
  },
  // multi-label
  {
    host: 'a.b.schoolhouse.app',
    expected: { kind: 'unknown', host: 'a.b.schoolhouse.app' },
    why: 'two labels before a root are never aliased to a school',
  },
  {
    host: 'www.greenwood.localhost',
    expected: { kind: 'unknown', host: 'www.greenwood.localhost' },
    why: 'www in front of a school is not the school',
  },
  {
    host: 'greenwood.admin.localhost',
    expected: { kind: 'unknown', host: 'greenwood.admin.localhost' },
    why: 'a school under the platform subdomain is not the school',
  },
  // preview deployments
  {
    host: 'greenwood---feat-x.vercel.app',
    expected: tenant('greenwood---feat-x.vercel.app', 'greenwood', 'vercel.app', 'feat-x'),
    why: 'a slug before the preview separator',
  },
  {
    host: 'admin---feat-x.vercel.app',
    expected: { kind: 'platform', host: 'admin---feat-x.vercel.app', root: 'vercel.app' },
    why: 'the platform subdomain on a preview',
  },
  {
    host: 'www---feat-x.vercel.app',
    expected: { kind: 'marketing', host: 'www---feat-x.vercel.app' },
    why: 'www on a preview',
  },
  {
    host: 'api---feat-x.vercel.app',
    expected: { kind: 'unknown', host: 'api---feat-x.vercel.app' },
    why: 'a reserved label on a preview',
  },
  {
    host: 'a.b---feat-x.vercel.app',
    expected: { kind: 'unknown', host: 'a.b---feat-x.vercel.app' },
    why: 'two labels before the preview separator',
  },
  {
    host: 'feat-x.vercel.app',
    expected: { kind: 'marketing', host: 'feat-x.vercel.app' },
    why: 'a preview host without the separator',
  },
  {
    host: 'vercel.app',
    expected: { kind: 'marketing', host: 'vercel.app' },
    why: 'the bare preview suffix',
  },
  // custom domains and root boundaries
  {
    host: 'portal.greenwood.edu',
    expected: { kind: 'custom', host: 'portal.greenwood.edu' },
    why: 'a host under no root',
  },
  {
    host: 'evillocalhost',
    expected: { kind: 'custom', host: 'evillocalhost' },
    why: 'a root is matched only on a label boundary',
  },
  {
    host: 'greenwood.evilschoolhouse.app',
    expected: { kind: 'custom', host: 'greenwood.evilschoolhouse.app' },
    why: 'a look-alike root is not a root',
  },
  {
    host: 'localhost.evil.com',
    expected: { kind: 'custom', host: 'localhost.evil.com' },
    why: 'a root as a prefix is not a root',
  },
  // IDN
  {
    host: 'bücher.localhost',
    expected: { kind: 'unknown', host: 'xn--bcher-kva.localhost' },
    why: 'an internationalised label becomes punycode, which is never a slug',
  },
  {
    host: 'bücher.de',
    expected: { kind: 'custom', host: 'xn--bcher-kva.de' },
    why: 'an internationalised custom domain is kept in punycode',
  },
  {
    host: 'BÜCHER.DE',
    expected: { kind: 'custom', host: 'xn--bcher-kva.de' },
    why: 'an uppercase internationalised name is lowercased first',
  },
  {
    host: 'xn--bcher-kva.de',
    expected: { kind: 'custom', host: 'xn--bcher-kva.de' },
    why: 'a name already in punycode stays as it is',
  },
  // IP literals
  {
    host: '127.0.0.1',
    expected: { kind: 'direct', host: '127.0.0.1' },
    why: 'an IPv4 literal',
  },
  {
    host: '10.0.0.5:3000',
    expected: { kind: 'direct', host: '10.0.0.5' },
    why: 'an IPv4 literal with a port',
  },
  { host: '[::1]', expected: { kind: 'direct', host: '[::1]' }, why: 'a bracketed IPv6 literal' },
  {
    host: '[::1]:3000',
    expected: { kind: 'direct', host: '[::1]' },
    why: 'a bracketed IPv6 literal with a port',
  },
  {
    host: '[2001:DB8:0:0::1]',
    expected: { kind: 'direct', host: '[2001:db8::1]' },
    why: 'an IPv6 literal in its canonical form',
  },
  // trailing dot, ports, case
  {
    host: 'greenwood.localhost.',
    expected: tenant('greenwood.localhost', 'greenwood', 'localhost'),
    why: 'one trailing dot is dropped',
  },
  {
    host: 'greenwood.localhost:3000',
    expected: tenant('greenwood.localhost', 'greenwood', 'localhost'),
    why: 'a port is dropped',
  },
  {
    host: 'greenwood.localhost.:3000',
    expected: tenant('greenwood.localhost', 'greenwood', 'localhost'),
    why: 'a trailing dot before a port is dropped',
  },
  {
    host: 'GreenWood.LocalHost',
    expected: tenant('greenwood.localhost', 'greenwood', 'localhost'),
    why: 'mixed case is lowercased',
  },
  {
    host: 'localhost:65535',
    expected: { kind: 'marketing', host: 'localhost' },
    why: 'the highest port is a port',
  },
  // invalid
  { host: '', expected: { kind: 'invalid', reason: 'empty' }, why: 'an empty host' },
  { host: undefined, expected: { kind: 'invalid', reason: 'empty' }, why: 'a missing host' },
  { host: null, expected: { kind: 'invalid', reason: 'empty' }, why: 'a null host' },
  { host: '.', expected: { kind: 'invalid', reason: 'empty' }, why: 'only a trailing dot' },
  { host: ':3000', expected: { kind: 'invalid', reason: 'empty' }, why: 'only a port' },
  {
    host: 'greenwood.localhost..',
    expected: { kind: 'invalid', reason: 'empty_label' },
    why: 'only one trailing dot is dropped',
  },
  { host: 'a..b', expected: { kind: 'invalid', reason: 'empty_label' }, why: 'an empty label' },
  {
    host: 'localhost:abc',
    expected: { kind: 'invalid', reason: 'invalid_port' },
    why: 'a port that is not digits',
  },
  {
    host: 'localhost:99999',
    expected: { kind: 'invalid', reason: 'invalid_port' },
    why: 'a port above 65535',
  },
  { host: 'localhost:0', expected: { kind: 'invalid', reason: 'invalid_port' }, why: 'port 0' },
  {
    host: 'localhost:',
    expected: { kind: 'invalid', reason: 'invalid_port' },
    why: 'an empty port',
  },
  {
    host: '::1',
    expected: { kind: 'invalid', reason: 'unbracketed_ipv6' },
    why: 'an IPv6 literal without brackets',
  },
  {
    host: '[::1',
    expected: { kind: 'invalid', reason: 'unclosed_ipv6_bracket' },
    why: 'an unclosed bracket',
  },
  {
    host: '[::1%25eth0]',
    expected: { kind: 'invalid', reason: 'invalid_ipv6' },
    why: 'an IPv6 zone id',
  },
  {
    host: '[greenwood.localhost]',
    expected: { kind: 'invalid', reason: 'invalid_ipv6' },
    why: 'a name in brackets',
  },
  {
    host: 'green_wood.localhost',
    expected: { kind: 'invalid', reason: 'invalid_characters' },
    why: 'an underscore',
  },
  {
    host: 'evil.com/greenwood.localhost',
    expected: { kind: 'invalid', reason: 'invalid_characters' },
    why: 'a path separator',
  },
  {
    host: 'greenwood.localhost@evil.com',
    expected: { kind: 'invalid', reason: 'invalid_characters' },
    why: 'userinfo syntax',
  },
  {
    host: 'green wood.localhost',
    expected: { kind: 'invalid', reason: 'invalid_characters' },
    why: 'a space',
  },
  {
    host: 'greenwood%2elocalhost',
    expected: { kind: 'invalid', reason: 'invalid_characters' },
    why: 'percent-encoding, which is never decoded',
  },
  {
    host: 'bücher/x.localhost',
    expected: { kind: 'invalid', reason: 'invalid_characters' },
    why: 'URL syntax mixed into an internationalised name',
  },
  {
    host: '-greenwood.localhost',
    expected: { kind: 'invalid', reason: 'label_hyphen' },
    why: 'a label starting with a hyphen',
  },
  {
    host: 'greenwood-.localhost',
    expected: { kind: 'invalid', reason: 'label_hyphen' },
    why: 'a label ending with a hyphen',
  },
  {
    host: `${'a'.repeat(64)}.localhost`,
    expected: { kind: 'invalid', reason: 'label_too_long' },
    why: 'a label longer than 63',
  },
  {
    host: `${'a'.repeat(63)}.`.repeat(4) + 'com',
    expected: { kind: 'invalid', reason: 'host_too_long' },
    why: 'a host longer than 253',
  },
  {
    host: 'xn--a.com',
    expected: { kind: 'invalid', reason: 'not_a_hostname' },
    why: 'broken punycode',
  },
  {
    host: '127.1',
    expected: { kind: 'invalid', reason: 'ambiguous_ip_literal' },
    why: 'shorthand IPv4 that is not a dotted quad',
  },
  {
    host: '0x7f.0.0.1',
    expected: { kind: 'invalid', reason: 'ambiguous_ip_literal' },
    why: 'hexadecimal IPv4',
  },
  {
    host: '１２７.０.０.１',
    expected: { kind: 'invalid', reason: 'ambiguous_ip_literal' },
    why: 'full-width digits that would read as an address',
  },
];

describe('classifyHost', () => {
  it.each(cases)('classifies $host: $why', ({ host, expected }) => {
    expect(classifyHost(host, config)).toEqual(expected);
  });

  it('accepts a host of exactly 253 characters', () => {
    const host = `${'a'.repeat(61)}.`.repeat(4) + 'a.com';
    expect(host).toHaveLength(253);
    expect(classifyHost(host, config)).toEqual({ kind: 'custom', host });
  });

  it('uses the configured platform subdomain and reserves it as a slug', () => {
    const console = { ...config, platformSubdomain: 'console' };
    expect(classifyHost('console.localhost', console)).toEqual({
      kind: 'platform',
      host: 'console.localhost',
      root: 'localhost',
    });
    expect(classifyHost('admin.localhost', console)).toEqual({
      kind: 'unknown',
      host: 'admin.localhost',
    });
  });

  it('matches the most specific root when one root sits inside another', () => {
    const nested = { ...config, rootDomains: ['schoolhouse.app', 'eu.schoolhouse.app'] };
    expect(classifyHost('greenwood.eu.schoolhouse.app', nested)).toEqual(
      tenant('greenwood.eu.schoolhouse.app', 'greenwood', 'eu.schoolhouse.app'),
    );
    expect(classifyHost('eu.schoolhouse.app', nested)).toEqual({
      kind: 'marketing',
      host: 'eu.schoolhouse.app',
    });
  });

  it('treats preview hosts as custom when no preview suffix is configured', () => {
    const noPreview = { ...config, previewSuffixes: [] };
    expect(classifyHost('greenwood---feat-x.vercel.app', noPreview)).toEqual({
      kind: 'custom',
      host: 'greenwood---feat-x.vercel.app',
    });
  });
});

const ROOTS = ['localhost', 'schoolhouse.app'] as const;

const hostChar = fc.constantFrom(
  ...'abcxyzAZ0129-._:[]/@% ü。ａ\u00ad'.split(''),
  '\u{1f600}',
  '\ud800',
);
const rawLabel = fc.string({ unit: hostChar, maxLength: 70 });
const lowerLabel = fc.stringMatching(/^[a-z0-9-]{1,63}$/);
const port = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -5, max: 70000 }).map((n) => `:${n}`),
  fc.string({ maxLength: 6 }).map((s) => `:${s}`),
);
const hostLike = fc
  .tuple(
    fc.array(fc.oneof(rawLabel, lowerLabel), { minLength: 0, maxLength: 6 }),
    fc.constantFrom('', '.localhost', '.schoolhouse.app', '.vercel.app', '---x.vercel.app'),
    fc.constantFrom('', '.', '..'),
    port,
    fc.boolean(),
  )
  .map(([labels, suffix, dot, p, bracket]) => {
    const name = labels.join('.') + suffix + dot;
    return (bracket ? `[${name}]` : name) + p;
  });
const anyString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
    maxLength: 100,
  }),
);

function casings(host: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: host.length, maxLength: host.length })
    .map((upper) => [...host].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
}

describe('classifyHost properties', () => {
  it('never throws and always answers one of the known kinds, for any string', () => {
    const kinds = ['invalid', 'direct', 'marketing', 'platform', 'tenant', 'unknown', 'custom'];
    fc.assert(
      fc.property(fc.oneof(anyString, hostLike), (raw) => {
        expect(kinds).toContain(classifyHost(raw, config).kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('only ever returns a normalised host that is itself already normalised', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, hostLike), (raw) => {
        const first = normaliseHost(raw);
        if (!first.ok) return;
        expect(first.host.length).toBeLessThanOrEqual(253);
        expect(first.host).toMatch(first.ip ? /^[0-9a-f:.[\]]+$/ : /^[a-z0-9.-]+$/);
        expect(normaliseHost(first.host)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('only ever returns a tenant slug that passes the slug validator', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, hostLike), (raw) => {
        const result = classifyHost(raw, config);
        if (result.kind === 'tenant') {
          expect(isValidSlug(result.slug, [config.platformSubdomain])).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('maps a single label under a root to a tenant exactly when it is a valid slug, unchanged', () => {
    fc.assert(
      fc.property(lowerLabel, fc.constantFrom(...ROOTS), (label, root) => {
        const result = classifyHost(`${label}.${root}`, config);
        if (isValidSlug(label, [config.platformSubdomain])) {
          expect(result).toEqual(tenant(`${label}.${root}`, label, root));
        } else {
          expect(result.kind).not.toBe('tenant');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives distinct single-label hosts under one root distinct slugs', () => {
    fc.assert(
      fc.property(lowerLabel, lowerLabel, fc.constantFrom(...ROOTS), (a, b, root) => {
        fc.pre(a !== b);
        const first = classifyHost(`${a}.${root}`, config);
        const second = classifyHost(`${b}.${root}`, config);
        if (first.kind === 'tenant' && second.kind === 'tenant') {
          expect(first.slug).not.toBe(second.slug);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same slug whatever the root, port, case or trailing dot', () => {
    const slugLike = lowerLabel.filter((label) => isValidSlug(label));
    const variant = slugLike.chain((slug) =>
      fc.tuple(
        fc.constant(slug),
        fc.constantFrom(...ROOTS).chain((root) => casings(`${slug}.${root}`)),
        fc.constantFrom('', '.'),
        fc.constantFrom('', ':80', ':3000', ':65535'),
      ),
    );
    fc.assert(
      fc.property(variant, ([slug, host, dot, p]) => {
        const result = classifyHost(host + dot + p, config);
        expect(result.kind).toBe('tenant');
        if (result.kind === 'tenant') expect(result.slug).toBe(slug);
      }),
      { numRuns: 1000 },
    );
  });

  it('never gives a tenant for two or more labels before a root', () => {
    fc.assert(
      fc.property(
        fc.array(lowerLabel, { minLength: 2, maxLength: 4 }),
        fc.constantFrom(...ROOTS),
        (labels, root) => {
          const result = classifyHost(`${labels.join('.')}.${root}`, config);
          expect(result.kind).not.toBe('tenant');
          const allValid = labels.every((l) => !l.startsWith('-') && !l.endsWith('-'));
          expect(result.kind).toBe(allValid ? 'unknown' : 'invalid');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
