import { describe, expect, it } from 'vitest';

import { readFragmentToken, withoutFragment } from './fragment-token';

describe('readFragmentToken', () => {
  it('reads the token from a fragment with or without the leading #', () => {
    expect(readFragmentToken('#token=abc123')).toBe('abc123');
    expect(readFragmentToken('token=abc123')).toBe('abc123');
  });

  it('finds the token among other fragment parameters and decodes it', () => {
    expect(readFragmentToken('#lang=ar&token=a%2Bb%3Dc&x=1')).toBe('a+b=c');
  });

  it.each(['', '#', '#token=', '#token=%20', '#tok=abc', '#section-2'])(
    'gives null for "%s"',
    (hash) => {
      expect(readFragmentToken(hash)).toBeNull();
    },
  );
});

describe('withoutFragment', () => {
  it('drops the fragment and keeps the path and query', () => {
    expect(withoutFragment('https://greenwood.example.com/reset-password?x=1#token=abc')).toBe(
      'https://greenwood.example.com/reset-password?x=1',
    );
  });

  it('leaves an address without a fragment alone', () => {
    expect(withoutFragment('/accept-invitation')).toBe('/accept-invitation');
  });
});
