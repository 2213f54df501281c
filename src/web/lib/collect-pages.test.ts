import { describe, expect, it, vi } from 'vitest';

import { collectPages } from './collect-pages';

describe('collectPages', () => {
  it('follows the cursors until the last page', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [4], nextCursor: null },
    };
    const fetchPage = vi.fn((cursor: string | null) => Promise.resolve(pages[cursor ?? 'first']!));
    await expect(collectPages(fetchPage)).resolves.toEqual([1, 2, 3, 4]);
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual([null, 'b', 'c']);
  });

  it('stops after the most pages it may read', async () => {
    const fetchPage = vi.fn(() => Promise.resolve({ items: ['x'], nextCursor: 'more' }));
    await expect(collectPages(fetchPage, 3)).resolves.toEqual(['x', 'x', 'x']);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });
});
