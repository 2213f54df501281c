import { describe, expect, it } from 'vitest';

import { impersonationTarget } from './impersonation-url';

describe('impersonationTarget', () => {
  it('keeps a school impersonation link with its fragment token', () => {
    const url = 'http://greenwood.localhost:3000/impersonate#token=abcdefghijklmnopqrstuvwxyz';
    expect(impersonationTarget(url)).toBe(url);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '/impersonate#token=x', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(impersonationTarget(url)).toBeNull();
    },
  );
});
