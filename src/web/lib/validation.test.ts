import { describe, expect, it } from 'vitest';

import { isHttpsUrl, isLowerHexColor, looksLikeEmail, normalizeHexColor } from './validation';

describe('looksLikeEmail', () => {
  it.each(['admin@greenwood.demo', 'a.b+c@school.example.org', '  ann@x.io  '])(
    'accepts %s',
    (v) => {
      expect(looksLikeEmail(v)).toBe(true);
    },
  );

  it.each(['', 'ann', 'ann@', '@x.io', 'ann@x', 'ann bo@x.io', 'ann@@x.io'])(
    'refuses "%s"',
    (v) => {
      expect(looksLikeEmail(v)).toBe(false);
    },
  );
});

describe('normalizeHexColor', () => {
  it('lower-cases and adds the #', () => {
    expect(normalizeHexColor('#1F6FEB')).toBe('#1f6feb');
    expect(normalizeHexColor('1f6feb')).toBe('#1f6feb');
  });

  it('expands the short form', () => {
    expect(normalizeHexColor('#AbC')).toBe('#aabbcc');
  });

  it('leaves other text for the validator to refuse', () => {
    expect(normalizeHexColor('red')).toBe('red');
    expect(isLowerHexColor(normalizeHexColor('red'))).toBe(false);
    expect(isLowerHexColor(normalizeHexColor(' #00FF00 '))).toBe(true);
  });
});

describe('isHttpsUrl', () => {
  it('accepts https addresses only', () => {
    expect(isHttpsUrl('https://cdn.example.com/logo.png')).toBe(true);
    expect(isHttpsUrl('http://cdn.example.com/logo.png')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('logo.png')).toBe(false);
  });
});
