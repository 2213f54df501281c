import { describe, expect, it } from 'vitest';

import ar from './ar.json';
import en from './en.json';

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

const english = flatten(en);
const arabic = flatten(ar);

describe('translations', () => {
  it('have the same keys in English and Arabic', () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...english.keys()])('keep the placeholders and tags of %s', (key) => {
    expect(markers(arabic.get(key) ?? '')).toEqual(markers(english.get(key) ?? ''));
  });

  it.each([...arabic].filter(([key]) => key !== 'product.name'))(
    'write %s in Arabic script',
    (_key, text) => {
      expect(text).toMatch(/[\u0600-\u06ff]/);
    },
  );
});
