import { describe, expect, it } from 'vitest';

import { linkify } from './linkify';

describe('linkify', () => {
  it('returns plain text as one text segment', () => {
    expect(linkify('Hello there')).toEqual([{ kind: 'text', text: 'Hello there' }]);
  });

  it('returns nothing for empty text', () => {
    expect(linkify('')).toEqual([]);
  });

  it('turns an invitation link with a fragment token into a link', () => {
    const url = 'http://greenwood.localhost:3000/accept-invitation#token=abc_DEF-123';
    expect(linkify(`Open ${url} to join.\nThanks`)).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', text: url, href: url },
      { kind: 'text', text: ' to join.\nThanks' },
    ]);
  });

  it('keeps sentence punctuation out of the link', () => {
    expect(linkify('See https://example.com/a, then https://example.com/b.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a', href: 'https://example.com/a' },
      { kind: 'text', text: ', then ' },
      { kind: 'link', text: 'https://example.com/b', href: 'https://example.com/b' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps balanced brackets and drops an unbalanced closing one', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Gate_(school))')).toEqual([
      { kind: 'text', text: '(see ' },
      {
        kind: 'link',
        text: 'https://en.wikipedia.org/wiki/Gate_(school)',
        href: 'https://en.wikipedia.org/wiki/Gate_(school)',
      },
      { kind: 'text', text: ')' },
    ]);
  });

  it('links a URL at the very start and end of the text', () => {
    expect(linkify('https://a.example')).toEqual([
      { kind: 'link', text: 'https://a.example', href: 'https://a.example/' },
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) mailto:a@b.c ftp://x.example')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) mailto:a@b.c ftp://x.example' },
    ]);
  });

  it('leaves a scheme with no host as text', () => {
    expect(linkify('broken http:// link')).toEqual([{ kind: 'text', text: 'broken http:// link' }]);
  });
});
