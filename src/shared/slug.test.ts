import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { RESERVED_SLUGS } from './reserved-slugs.js';
import { SLUG_MAX_LENGTH, SLUG_MIN_LENGTH, SLUG_PATTERN, checkSlug, isValidSlug } from './slug.js';

describe('checkSlug', () => {
  it.each([
    { candidate: 'greenwood', why: 'a plain lowercase word' },
    { candidate: 'abc', why: 'exactly the minimum length' },
    { candidate: 'a'.repeat(63), why: 'exactly the maximum length' },
    { candidate: 'oak-ridge-2024', why: 'single hyphens between letters and digits' },
    { candidate: '123', why: 'digits only' },
  ])('accepts $candidate ($why)', ({ candidate }) => {
    expect(checkSlug(candidate)).toEqual({ ok: true, slug: candidate });
  });

  it.each([
    { candidate: '', problem: 'too_short' },
    { candidate: 'ab', problem: 'too_short' },
    { candidate: 'a'.repeat(64), problem: 'too_long' },
    { candidate: 'Greenwood', problem: 'invalid_characters' },
    { candidate: ' greenwood', problem: 'invalid_characters' },
    { candidate: 'green_wood', problem: 'invalid_characters' },
    { candidate: 'green.wood', problem: 'invalid_characters' },
    { candidate: 'bücher', problem: 'invalid_characters' },
    { candidate: '-greenwood', problem: 'invalid_characters' },
    { candidate: 'greenwood-', problem: 'invalid_characters' },
    { candidate: 'xn--bcher-kva', problem: 'double_hyphen' },
    { candidate: 'green--wood', problem: 'double_hyphen' },
    { candidate: 'greenwood---feat', problem: 'double_hyphen' },
    { candidate: 'www', problem: 'reserved' },
    { candidate: 'admin', problem: 'reserved' },
    { candidate: 'api', problem: 'reserved' },
    { candidate: 'webmail', problem: 'reserved' },
  ])('rejects $candidate as $problem', ({ candidate, problem }) => {
    expect(checkSlug(candidate)).toEqual({ ok: false, problem });
  });

  it('rejects a name given as extra reserved, such as the configured platform subdomain', () => {
    expect(checkSlug('console')).toEqual({ ok: true, slug: 'console' });
    expect(checkSlug('console', ['console'])).toEqual({ ok: false, problem: 'reserved' });
  });

  it('does not lowercase or trim, so callers must normalise first', () => {
    expect(isValidSlug('GREENWOOD')).toBe(false);
    expect(isValidSlug('greenwood ')).toBe(false);
  });

  it('rejects every name in the reserved list', () => {
    for (const name of RESERVED_SLUGS) {
      const result = checkSlug(name);
      expect(result.ok, name).toBe(false);
    }
  });

  it('keeps the reserved list lowercase and trimmed so lookups by exact slug can match', () => {
    for (const name of RESERVED_SLUGS) expect(name).toBe(name.trim().toLowerCase());
  });

  it('includes every reserved name the host rules require', () => {
    const required = `www admin api app apps assets auth billing blog cdn dashboard demo dev docs
      email files ftp help images login logout mail media metrics platform portal preview prod
      production register root secure signup smtp sso staging static status store support system
      test vpn webmail`.split(/\s+/);
    for (const name of required) expect(RESERVED_SLUGS.has(name), name).toBe(true);
  });

  it('agrees with the exported pattern and length bounds for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[a-z0-9-]{0,70}$/)),
        (candidate) => {
          const expected =
            candidate.length >= SLUG_MIN_LENGTH &&
            candidate.length <= SLUG_MAX_LENGTH &&
            SLUG_PATTERN.test(candidate) &&
            !candidate.includes('--') &&
            !RESERVED_SLUGS.has(candidate);
          expect(isValidSlug(candidate)).toBe(expected);
        },
      ),
    );
  });

  it('returns the candidate unchanged whenever it accepts one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{1,70}$/), (candidate) => {
        const result = checkSlug(candidate);
        if (result.ok) expect(result.slug).toBe(candidate);
      }),
    );
  });
});
