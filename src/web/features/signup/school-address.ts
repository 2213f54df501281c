import { SLUG_MAX_LENGTH } from '../../lib/validation';

/** The root a school's host hangs off, seen from the marketing host: `www.` is not part of it. */
export function rootHost(marketingHost: string): string {
  return marketingHost.toLowerCase().replace(/^www\./, '');
}

/** `greenwood.localhost:3000`: where a school with this address will live. */
export function schoolHost(slug: string, marketingHost: string): string {
  return `${slug}.${rootHost(marketingHost)}`;
}

/**
 * An address proposed from the school's name while the visitor has not typed one: Latin
 * letters without accents, digits, single hyphens. Names in other scripts propose nothing.
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
}

/** What the visitor typed, as the server will read it. */
export function normaliseSlug(value: string): string {
  return value.trim().toLowerCase();
}
