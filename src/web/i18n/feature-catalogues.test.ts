import { describe, expect, it } from 'vitest';

import en from './en.json';
import { featureCatalogues, resources } from './i18n';
import recordsAr from './records.ar.json';
import recordsEn from './records.en.json';

// Each feature area's catalogues are checked as the main ones are (same keys, same
// placeholders and tags, Arabic written in Arabic script), and must add strings, never
// replace one that the main catalogue or another feature area already has.

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const entry of flatten(value, path)) entries.set(...entry);
  }
  return entries;
}

function markers(text: string): string[] {
  return (text.match(/{{\w+}}|<\/?\w+>/g) ?? []).sort();
}

describe.each(Object.entries(featureCatalogues))('the %s catalogues', (area, catalogues) => {
  const english = flatten(catalogues.en as Catalogue);
  const arabic = flatten(catalogues.ar as Catalogue);

  it('have the same keys in English and Arabic', () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...english.keys()])('keep the placeholders and tags of %s', (key) => {
    expect(markers(arabic.get(key) ?? '')).toEqual(markers(english.get(key) ?? ''));
  });

  it.each([...arabic])('write %s in Arabic script', (_key, text) => {
    expect(text).toMatch(/[\u0600-\u06ff]/);
  });

  it('add keys without replacing any of the main catalogue or another area', () => {
    const taken = new Set(flatten(en as Catalogue).keys());
    for (const [other, o] of Object.entries(featureCatalogues)) {
      if (other !== area) for (const key of flatten(o.en as Catalogue).keys()) taken.add(key);
    }
    expect([...english.keys()].filter((key) => taken.has(key))).toEqual([]);
  });
});

describe('the merged catalogues', () => {
  it('are merged into the resources i18next reads', () => {
    const merged = flatten(resources.ar.translation);
    expect(merged.get('nav.children')).toBe(recordsAr.nav.children);
    expect(merged.get('nav.dashboard')).toBeDefined();
  });

  it('name the pages as the navigation does', () => {
    expect(recordsEn.nav).toEqual({
      students: 'Students',
      children: 'My children',
      classes: 'Classes',
      academics: 'Academic structure',
      guardians: 'Guardians',
      staff: 'Staff',
      imports: 'Imports',
    });
  });
});
