import { describe, expect, it } from 'vitest';

import { webUrlOrNull } from './web-url';

describe('webUrlOrNull', () => {
  it('keeps an absolute http(s) address with its fragment', () => {
    const url = 'http://greenwood.localhost:3000/welcome#token=abcdefghijklmnopqrstuvwxyz';
    expect(webUrlOrNull(url)).toBe(url);
    expect(webUrlOrNull('https://example.com/')).toBe('https://example.com/');
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '/welcome#token=x', 'not a url', ''])(
    'refuses %s',
    (url) => {
      expect(webUrlOrNull(url)).toBeNull();
    },
  );
});
