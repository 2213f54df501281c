import { checkSlug } from './slug.js';

export interface HostConfig {
  rootDomains: readonly string[];
  platformSubdomain: string;
  previewSuffixes: readonly string[];
}

export type HostClass =
  | { kind: 'invalid'; reason: string }
  | { kind: 'direct'; host: string }
  | { kind: 'marketing'; host: string }
  | { kind: 'platform'; host: string; root: string }
  | { kind: 'tenant'; host: string; slug: string; root: string; preview: string | null }
  | { kind: 'unknown'; host: string }
  | { kind: 'custom'; host: string };

export type NormalisedHost =
  { ok: true; host: string; ip: boolean } | { ok: false; reason: string };

const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const PREVIEW_SEPARATOR = '---';
const IPV4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4_LITERAL = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const IPV4_SHAPE = /^[0-9]+(?:\.[0-9]+){3}$/;
const HOST_CHARACTERS = /^[a-z0-9.-]+$/;
const ASCII_OUTSIDE_HOST_CHARACTERS = /[^a-z0-9.\-\u0080-\u{10ffff}]/u;
const PORT = /^[0-9]{1,5}$/;
const NEEDS_PARSER = /(?:^|\.)xn--|(?:^|\.)(?:0x[0-9a-f]*|[0-9]+)$/;

function invalid(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function splitPort(authority: string): { ok: true; name: string } | { ok: false; reason: string } {
  let name = authority;
  let port: string | null = null;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) return invalid('unclosed_ipv6_bracket');
    name = authority.slice(0, close + 1);
    const rest = authority.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return invalid('invalid_characters');
      port = rest.slice(1);
    }
  } else {
    const colon = authority.indexOf(':');
    if (colon !== -1) {
      if (authority.indexOf(':', colon + 1) !== -1) return invalid('unbracketed_ipv6');
      name = authority.slice(0, colon);
      port = authority.slice(colon + 1);
    }
  }
  if (port !== null) {
    if (!PORT.test(port)) return invalid('invalid_port');
    const value = Number(port);
    if (value < 1 || value > 65535) return invalid('invalid_port');
  }
  return { ok: true, name };
}

// The WHATWG URL parser does IDNA (UTS 46) to ASCII identically in Node and in browsers, so the
// server and the SPA agree on a host without importing node:url into the browser bundle.
function toAsciiHostname(name: string): string | null {
  try {
    return new URL(`http://${name}`).hostname;
  } catch {
    return null;
  }
}

function normaliseIpv6(bracketed: string): NormalisedHost {
  const inner = bracketed.slice(1, -1);
  // Zone ids and anything else the URL parser might reinterpret are refused before parsing.
  if (!/^[0-9a-f:.]+$/.test(inner)) return invalid('invalid_ipv6');
  const hostname = toAsciiHostname(bracketed);
  if (hostname === null || !hostname.startsWith('[')) return invalid('invalid_ipv6');
  return { ok: true, host: hostname, ip: true };
}

function checkLabels(host: string): string | null {
  if (host.length > MAX_HOST_LENGTH) return 'host_too_long';
  if (!HOST_CHARACTERS.test(host)) return 'invalid_characters';
  for (const label of host.split('.')) {
    if (label === '') return 'empty_label';
    if (label.length > MAX_LABEL_LENGTH) return 'label_too_long';
    if (label.startsWith('-') || label.endsWith('-')) return 'label_hyphen';
  }
  return null;
}

export function normaliseHost(raw: string | undefined | null): NormalisedHost {
  if (typeof raw !== 'string') return invalid('empty');
  const split = splitPort(raw.toLowerCase());
  if (!split.ok) return split;
  let name = split.name;
  if (name.startsWith('[')) return normaliseIpv6(name);
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '') return invalid('empty');
  if (IPV4_LITERAL.test(name)) return { ok: true, host: name, ip: true };
  // URL syntax characters (/, ?, #, @, %, whitespace, ...) would change what the parser reads
  // as the host, so only non-ASCII text is ever handed to it for conversion.
  if (ASCII_OUTSIDE_HOST_CHARACTERS.test(name)) return invalid('invalid_characters');
  // Plain lowercase letter-digit-hyphen names come out of IDNA unchanged, so the parser is
  // skipped for them (it is most of the cost); punycode and numeric endings still go through it.
  if (HOST_CHARACTERS.test(name) && !NEEDS_PARSER.test(name)) {
    const problem = checkLabels(name);
    return problem === null ? { ok: true, host: name, ip: false } : invalid(problem);
  }
  const ascii = toAsciiHostname(name);
  if (ascii === null || ascii === '') return invalid('not_a_hostname');
  // The parser reads numeric forms such as 127.1, 0x7f.1 or full-width digits as IPv4; only a
  // plain dotted quad counts as an address, so nothing else can reach the direct routes.
  if (IPV4_SHAPE.test(ascii)) return invalid('ambiguous_ip_literal');
  const problem = checkLabels(ascii);
  if (problem !== null) return invalid(problem);
  return { ok: true, host: ascii, ip: false };
}

const normalisedDomains = new WeakMap<readonly string[], string[]>();

function normaliseDomains(domains: readonly string[]): string[] {
  const known = normalisedDomains.get(domains);
  if (known) return known;
  const result: string[] = [];
  for (const domain of domains) {
    const normalised = normaliseHost(domain);
    if (normalised.ok && !normalised.ip) result.push(normalised.host);
  }
  // Longest first, so a root nested inside another root is matched as the more specific one.
  result.sort((a, b) => b.length - a.length);
  normalisedDomains.set(domains, result);
  return result;
}

function prefixUnder(host: string, domain: string): string | null {
  if (!host.endsWith(`.${domain}`)) return null;
  return host.slice(0, host.length - domain.length - 1);
}

function classifyLabel(
  host: string,
  label: string,
  root: string,
  platformSubdomain: string,
  preview: string | null,
): HostClass {
  if (label === 'www') return { kind: 'marketing', host };
  if (label === platformSubdomain) return { kind: 'platform', host, root };
  // A dotted prefix (a.b.<root>) fails the slug pattern, so it is never aliased to a school.
  const slug = checkSlug(label, [platformSubdomain]);
  if (!slug.ok) return { kind: 'unknown', host };
  return { kind: 'tenant', host, slug: slug.slug, root, preview };
}

export function classifyHost(raw: string | undefined | null, config: HostConfig): HostClass {
  const normalised = normaliseHost(raw);
  if (!normalised.ok) return { kind: 'invalid', reason: normalised.reason };
  const { host } = normalised;
  if (normalised.ip) return { kind: 'direct', host };

  const platformSubdomain = config.platformSubdomain.toLowerCase();

  for (const root of normaliseDomains(config.rootDomains)) {
    if (host === root) return { kind: 'marketing', host };
    const prefix = prefixUnder(host, root);
    if (prefix !== null) return classifyLabel(host, prefix, root, platformSubdomain, null);
  }

  for (const suffix of normaliseDomains(config.previewSuffixes)) {
    if (host === suffix) return { kind: 'marketing', host };
    const prefix = prefixUnder(host, suffix);
    if (prefix === null) continue;
    const separator = prefix.indexOf(PREVIEW_SEPARATOR);
    if (separator === -1) return { kind: 'marketing', host };
    const label = prefix.slice(0, separator);
    const preview = prefix.slice(separator + PREVIEW_SEPARATOR.length);
    return classifyLabel(host, label, suffix, platformSubdomain, preview);
  }

  return { kind: 'custom', host };
}
