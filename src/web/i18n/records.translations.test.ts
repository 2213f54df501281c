import { describe, expect, it } from 'vitest';

import en from './en.json';
import { resources } from './i18n';
import recordsAr from './records.ar.json';
import recordsEn from './records.en.json';

// The school-records catalogues are checked as the main ones are (same keys, same
// placeholders and tags, Arabic written in Arabic script), and must add strings, never
// replace one that the main catalogue already has.

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

const english = flatten(recordsEn);
const arabic = flatten(recordsAr);

describe('school-records translations', () => {
  it('have the same keys in English and Arabic', () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...english.keys()])('keep the placeholders and tags of %s', (key) => {
    expect(markers(arabic.get(key) ?? '')).toEqual(markers(english.get(key) ?? ''));
  });

  it.each([...arabic])('write %s in Arabic script', (_key, text) => {
    expect(text).toMatch(/[\u0600-\u06ff]/);
  });

  it('add keys without replacing any of the main catalogue', () => {
    const main = flatten(en);
    expect([...english.keys()].filter((key) => main.has(key))).toEqual([]);
  });

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
