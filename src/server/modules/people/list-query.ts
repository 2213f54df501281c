import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

// Building blocks for the people lists: keyset pages over a sort key that always ends in the
// id (so it is unique), and case-insensitive "contains" search with LIKE wildcards escaped.

export type SortOrder = 'asc' | 'desc';

/** Rows strictly after the cursor's key, in the list's direction (a row comparison). */
export function afterKey(columns: PgColumn[], values: string[], order: SortOrder): SQL {
  const op = order === 'asc' ? sql`>` : sql`<`;
  const params = values.map((v, i) => {
    const column = columns[i];
    return column?.getSQLType() === 'uuid' ? sql`${v}::uuid` : sql`${v}`;
  });
  return sql`(${sql.join(columns, sql`, `)}) ${op} (${sql.join(params, sql`, `)})`;
}

export function orderByKey(columns: PgColumn[], order: SortOrder): SQL[] {
  return columns.map((c) => (order === 'asc' ? asc(c) : desc(c)));
}

/** An ILIKE pattern matching the text anywhere, with %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
