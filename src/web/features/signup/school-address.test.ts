import { describe, expect, it } from 'vitest';

import { normaliseSlug, schoolHost, suggestSlug } from './school-address';

describe('schoolHost', () => {
  it('puts the address in front of the marketing host, port included', () => {
    expect(schoolHost('greenwood', 'localhost:3000')).toBe('greenwood.localhost:3000');
    expect(schoolHost('greenwood', 'schoolhouse.example')).toBe('greenwood.schoolhouse.example');
  });

  it('leaves out the www of the marketing host', () => {
    expect(schoolHost('greenwood', 'www.schoolhouse.example')).toBe(
      'greenwood.schoolhouse.example',
    );
  });
});

describe('suggestSlug', () => {
  it.each([
    ['Greenwood High', 'greenwood-high'],
    ['  St. Mary’s  School ', 'st-mary-s-school'],
    ['École Saint-Jean', 'ecole-saint-jean'],
    ['A -- B', 'a-b'],
    ['مدرسة النور', ''],
    ['Al-Noor مدرسة', 'al-noor'],
  ])('proposes %s → %s', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it('never proposes more than 63 characters or a trailing hyphen', () => {
    const slug = suggestSlug(`${'a'.repeat(62)} b`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('normaliseSlug', () => {
  it('trims and lowercases', () => {
    expect(normaliseSlug('  GreenWood ')).toBe('greenwood');
  });
});
