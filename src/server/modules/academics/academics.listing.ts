import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';

// Keyset pages over a chosen sort column with the id as tie-breaker. The cursor carries the
// sort it was made for, so a cursor from one ordering can never be replayed on another.

export interface SortColumn {
  column: AnyPgColumn;
  kind: 'string' | 'number';
}

export interface Keyset<K extends string> {
  sort: string;
  key: K;
  column: AnyPgColumn;
  descending: boolean;
  limit: number;
  after: { value: string | number; id: string } | null;
}

export interface ListParams {
  limit?: number;
  cursor?: string;
  sort?: string;
}

function invalidCursor(): AppError {
  return new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
    { field: 'cursor', code: 'invalid', message: 'is not a cursor from this list' },
  ]);
}

export function keyset<K extends string>(
  params: ListParams,
  sorts: Record<K, SortColumn>,
  defaultSort: K,
): Keyset<K> {
  const sort = params.sort ?? defaultSort;
  const key = sort.replace(/^-/, '') as K;
  const spec = sorts[key];
  const decoded = decodeCursor(params.cursor, ['string', spec.kind, 'string']);
  if (decoded && decoded[0] !== sort) throw invalidCursor();
  return {
    sort,
    key,
    column: spec.column,
    descending: sort.startsWith('-'),
    limit: params.limit ?? 50,
    after: decoded ? { value: decoded[1] as string | number, id: String(decoded[2]) } : null,
  };
}

/** Rows after the cursor, in the order of `keysetOrder`. */
export function keysetAfter(ks: Keyset<string>, idColumn: AnyPgColumn): SQL | null {
  if (!ks.after) return null;
  return ks.descending
    ? sql`(${ks.column}, ${idColumn}) < (${ks.after.value}, ${ks.after.id})`
    : sql`(${ks.column}, ${idColumn}) > (${ks.after.value}, ${ks.after.id})`;
}

export function keysetOrder(ks: Keyset<string>, idColumn: AnyPgColumn): SQL[] {
  return ks.descending ? [desc(ks.column), desc(idColumn)] : [asc(ks.column), asc(idColumn)];
}

/** Cuts the extra row fetched to tell whether there is more, and makes the next cursor. */
export function keysetPage<K extends string, R extends { id: string } & Record<K, unknown>, T>(
  rows: R[],
  ks: Keyset<K>,
  toItem: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, ks.limit);
  const last = kept[kept.length - 1];
  const nextCursor =
    rows.length > ks.limit && last
      ? encodeCursor([ks.sort, last[ks.key] as string | number, last.id])
      : null;
  return { items: kept.map(toItem), nextCursor };
}

/** An ILIKE pattern matching the text anywhere, with the wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
