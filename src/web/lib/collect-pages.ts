import type { Page } from './api-client';

/** Enough for any school's reference lists (terms, rooms, teachers) at 200 a page. */
export const MAX_REFERENCE_PAGES = 25;

/**
 * Follows the cursors of a keyset list to its end, for the short lists a form picks from.
 * Stops after `maxPages`, so a list far larger than expected cannot keep the page busy.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  maxPages = MAX_REFERENCE_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result: Page<T> = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}
