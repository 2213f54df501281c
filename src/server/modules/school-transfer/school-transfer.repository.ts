import { eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { listTenantTables, type CatalogQuery } from '../../platform/db/isolation-invariants.js';
import { schools, schoolStatusHistory } from '../schools/schools.table.js';

// Tables are named from the catalog and quoted with sql.identifier; row values only ever
// travel as bound parameters (a batch of rows is one JSON parameter that PostgreSQL itself
// turns into typed columns with jsonb_populate_recordset).

export interface TenantColumn {
  name: string;
  notNull: boolean;
  /** A default or identity: the column may be left out of an insert. */
  hasDefault: boolean;
  /** Computed by the database; never exported or inserted. */
  generated: boolean;
}

export interface TenantTable {
  name: string;
  columns: TenantColumn[];
  /** Primary key columns without school_id, in key order: the keyset for reading in batches. */
  keyColumns: string[];
  /** Tenant tables this one has foreign keys to (itself excluded). */
  references: string[];
  /** Has a foreign key to itself, so its rows may depend on one another. */
  selfReferencing: boolean;
}

/** Runs catalog SQL written with $1-style placeholders on a transaction, values bound. */
export function catalogQuery(tx: Tx): CatalogQuery {
  return async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const parts = text.split(/\$(\d+)/);
    const chunks: SQL[] = parts.map((part, i) =>
      i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`,
    );
    const result = await tx.execute(sql.join(chunks));
    return result.rows as T[];
  };
}

/** Every tenant table as the catalog describes it, by name. */
export async function describeTenantTables(
  query: CatalogQuery,
  schema = 'public',
): Promise<TenantTable[]> {
  const names = new Set(await listTenantTables(query, schema));
  // A partition's rows are read through its parent; listing both would copy them twice.
  const partitions = await query<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relispartition`,
    [schema],
  );
  for (const p of partitions) names.delete(p.table);

  const columns = await query<{
    table: string;
    column: string;
    not_null: boolean;
    has_default: boolean;
    generated: boolean;
  }>(
    `select c.relname as table, a.attname as column, a.attnotnull as not_null,
            (a.atthasdef or a.attidentity <> '') as has_default, a.attgenerated <> '' as generated
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
    [schema],
  );
  const keys = await query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(k.conkey) with ordinality as pk(attnum, ord)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = pk.attnum
      where n.nspname = $1 and k.contype = 'p'
      order by c.relname, pk.ord`,
    [schema],
  );
  const foreignKeys = await query<{ table: string; referenced: string }>(
    `select c.relname as table, f.relname as referenced
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_class f on f.oid = k.confrelid
       join pg_namespace fn on fn.oid = f.relnamespace
      where n.nspname = $1 and fn.nspname = $1 and k.contype = 'f'`,
    [schema],
  );

  const tables = new Map<string, TenantTable>();
  for (const name of names) {
    tables.set(name, {
      name,
      columns: [],
      keyColumns: [],
      references: [],
      selfReferencing: false,
    });
  }
  for (const c of columns) {
    tables.get(c.table)?.columns.push({
      name: c.column,
      notNull: c.not_null,
      hasDefault: c.has_default,
      generated: c.generated,
    });
  }
  for (const k of keys) {
    if (k.column !== 'school_id') tables.get(k.table)?.keyColumns.push(k.column);
  }
  for (const fk of foreignKeys) {
    const table = tables.get(fk.table);
    if (!table || !names.has(fk.referenced)) continue;
    if (fk.referenced === fk.table) table.selfReferencing = true;
    else if (!table.references.includes(fk.referenced)) table.references.push(fk.referenced);
  }
  for (const table of tables.values()) {
    // A table keyed by school_id alone (a school's settings) holds at most one row, read whole.
    if (table.keyColumns.length === 0 && !keys.some((k) => k.table === table.name)) {
      throw new Error(`tenant table ${table.name} has no primary key`);
    }
  }
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function tableRef(name: string): SQL {
  return sql`${sql.identifier('public')}.${sql.identifier(name)}`;
}

export interface RowBatch {
  /** One JSON object per row, as PostgreSQL writes it, without school_id. */
  lines: string[];
  /** The last row's key, as text, to continue after. */
  lastKey: string[] | null;
}

/** The next rows of one school's table in primary-key order (keyset, not offset). */
export async function readRowBatch(
  tx: Tx,
  table: TenantTable,
  schoolId: string,
  after: string[] | null,
  limit: number,
): Promise<RowBatch> {
  const t = sql.identifier('t');
  const keyList = sql.join(
    table.keyColumns.map((c) => sql`${t}.${sql.identifier(c)}`),
    sql`, `,
  );
  const keyText = sql.join(
    table.keyColumns.map(
      (c, i) => sql`${t}.${sql.identifier(c)}::text as ${sql.identifier(`k${i}`)}`,
    ),
    sql`, `,
  );
  let json = sql`to_jsonb(${t}) - 'school_id'::text`;
  for (const column of table.columns.filter((c) => c.generated)) {
    json = sql`${json} - ${column.name}::text`;
  }
  const continueAfter = after
    ? sql`and (${keyList}) > (${sql.join(
        after.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql``;
  const result = await tx.execute<Record<string, string>>(
    table.keyColumns.length === 0
      ? sql`select (${json})::text as line from ${tableRef(table.name)} as ${t}
             where ${t}.school_id = ${schoolId}`
      : sql`select (${json})::text as line, ${keyText}
              from ${tableRef(table.name)} as ${t}
             where ${t}.school_id = ${schoolId} ${continueAfter}
             order by ${keyList}
             limit ${limit}`,
  );
  const rows = result.rows;
  const last = rows[rows.length - 1];
  return {
    lines: rows.map((r) => r.line as string),
    lastKey:
      last && table.keyColumns.length > 0
        ? table.keyColumns.map((_, i) => last[`k${i}`] as string)
        : null,
  };
}

/**
 * Inserts rows given as a JSON array of objects into one table for one school. Only the
 * named columns are written; the others take their defaults.
 */
export async function insertRowBatch(
  tx: Tx,
  table: string,
  columns: readonly string[],
  schoolId: string,
  rowsJson: string,
): Promise<void> {
  const r = sql.identifier('r');
  await tx.execute(
    sql`insert into ${tableRef(table)} (school_id, ${sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    )})
        select ${schoolId}::uuid, ${sql.join(
          columns.map((c) => sql`${r}.${sql.identifier(c)}`),
          sql`, `,
        )}
          from jsonb_populate_recordset(null::${tableRef(table)}, ${rowsJson}::jsonb) as ${r}`,
  );
}

export async function findSchoolById(tx: Tx, id: string) {
  const rows = await tx.select().from(schools).where(eq(schools.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertStatusHistory(
  tx: Tx,
  row: typeof schoolStatusHistory.$inferInsert,
): Promise<void> {
  await tx.insert(schoolStatusHistory).values(row);
}

/** Removes a school row that has no tenant rows (an import that did not complete). */
export async function deleteSchoolRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(schools).where(eq(schools.id, id));
}
