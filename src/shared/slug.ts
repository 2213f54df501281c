import { RESERVED_SLUGS } from './reserved-slugs.js';

export type SlugProblem =
  'too_short' | 'too_long' | 'invalid_characters' | 'double_hyphen' | 'reserved';

export type SlugCheck = { ok: true; slug: string } | { ok: false; problem: SlugProblem };

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 63;
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

// Input is checked exactly as given: callers normalise first, so the slug stored is the slug
// that was validated, and a host that differs only in case never silently aliases a school.
export function checkSlug(candidate: string, extraReserved?: Iterable<string>): SlugCheck {
  if (typeof candidate !== 'string') return { ok: false, problem: 'invalid_characters' };
  if (candidate.length < SLUG_MIN_LENGTH) return { ok: false, problem: 'too_short' };
  if (candidate.length > SLUG_MAX_LENGTH) return { ok: false, problem: 'too_long' };
  if (!SLUG_PATTERN.test(candidate)) return { ok: false, problem: 'invalid_characters' };
  // Keeps punycode (xn--) and the preview separator (---) from ever being a slug.
  if (candidate.includes('--')) return { ok: false, problem: 'double_hyphen' };
  if (RESERVED_SLUGS.has(candidate)) return { ok: false, problem: 'reserved' };
  if (extraReserved) {
    for (const name of extraReserved) {
      if (name.toLowerCase() === candidate) return { ok: false, problem: 'reserved' };
    }
  }
  return { ok: true, slug: candidate };
}

export function isValidSlug(candidate: string, extraReserved?: Iterable<string>): boolean {
  return checkSlug(candidate, extraReserved).ok;
}
