// Reads the catalog and lists every way a table breaks the tenant-isolation rules. A table is
// a tenant table exactly when it has a `school_id` column; for each one:
//   - school_id is NOT NULL and of type uuid
//   - the primary key and every unique constraint or unique index include school_id
//   - every foreign key to another tenant table is composite and carries school_id on both sides
//   - ENABLE and FORCE ROW LEVEL SECURITY
//   - select, insert, update and delete are each covered by a policy whose USING / WITH CHECK
//     is exactly the tenant predicate on app.school_id
//   - app_platform holds no privilege on it
// Used by the test suite against the real schema, and against deliberately broken tables.

export interface Violation {
  table: string;
  problem: string;
}

export type CatalogQuery = <T>(text: string, params?: unknown[]) => Promise<T[]>;

const TENANT_PREDICATE = "school_id=nullif(current_setting('app.school_id',true),'')::uuid";

/** Strips casts to text, parentheses and whitespace so deparsed expressions compare equal. */
export function normalisePolicyExpression(expression: string | null): string {
  if (!expression) return '';
  return expression
    .toLowerCase()
    .replace(/::text/g, '')
    .replace(/[()\s]/g, '')
    .replace(/'app\.school_id',true/g, "'app.school_id',true");
}

const NORMALISED_PREDICATE = normalisePolicyExpression(TENANT_PREDICATE);

interface TableRow {
  oid: number;
  table: string;
  rls: boolean;
  force: boolean;
  not_null: boolean;
  type: string;
  school_attnum: number;
}

interface KeyRow {
  table: string;
  name: string;
  kind: string;
  attnums: number[];
  confrelid: number;
  confattnums: number[] | null;
}

interface PolicyRow {
  table: string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
  permissive: boolean;
}

export async function findIsolationViolations(
  query: CatalogQuery,
  schema = 'public',
): Promise<Violation[]> {
  const violations: Violation[] = [];
  const tables = await query<TableRow>(
    `select c.oid::int as oid, c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as force,
            a.attnotnull as not_null, format_type(a.atttypid, a.atttypmod) as type, a.attnum::int as school_attnum
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'school_id' and not a.attisdropped
      where n.nspname = $1 and c.relkind in ('r', 'p')
      order by c.relname`,
    [schema],
  );
  const tenantOids = new Map(tables.map((t) => [t.oid, t]));
  const add = (table: string, problem: string) => violations.push({ table, problem });

  const keys = await query<KeyRow>(
    `select c.relname as table, k.conname as name, k.contype::text as kind,
            k.conkey::int[] as attnums, k.confrelid::int as confrelid, k.confkey::int[] as confattnums
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and k.contype in ('p', 'u', 'f')`,
    [schema],
  );
  const uniqueIndexes = await query<{ table: string; name: string; attnums: number[] }>(
    `select c.relname as table, i.relname as name, x.indkey::int[] as attnums
       from pg_index x
       join pg_class c on c.oid = x.indrelid
       join pg_class i on i.oid = x.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and x.indisunique
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`,
    [schema],
  );
  const policies = await query<PolicyRow>(
    `select tablename as table, cmd, qual, with_check, permissive = 'PERMISSIVE' as permissive
       from pg_policies where schemaname = $1`,
    [schema],
  );
  const platformGrants = await query<{ table: string; privilege: string }>(
    `select table_name as table, privilege_type as privilege
       from information_schema.role_table_grants
      where table_schema = $1 and grantee = 'app_platform'`,
    [schema],
  );

  for (const t of tables) {
    if (!t.not_null) add(t.table, 'school_id is nullable');
    if (t.type !== 'uuid') add(t.table, `school_id has type ${t.type}, expected uuid`);
    if (!t.rls) add(t.table, 'row level security is not enabled');
    if (!t.force) add(t.table, 'row level security is not forced');

    const own = keys.filter((k) => k.table === t.table);
    const pk = own.find((k) => k.kind === 'p');
    if (!pk) add(t.table, 'has no primary key');
    else if (!pk.attnums.includes(t.school_attnum))
      add(t.table, `primary key ${pk.name} does not include school_id`);

    for (const u of own.filter((k) => k.kind === 'u')) {
      if (!u.attnums.includes(t.school_attnum))
        add(t.table, `unique constraint ${u.name} does not include school_id`);
    }
    for (const index of uniqueIndexes.filter((i) => i.table === t.table)) {
      if (!index.attnums.includes(t.school_attnum))
        add(t.table, `unique index ${index.name} does not include school_id`);
    }
    for (const fk of own.filter((k) => k.kind === 'f')) {
      const target = tenantOids.get(fk.confrelid);
      if (!target) continue;
      const position = fk.attnums.indexOf(t.school_attnum);
      const pointsAtSchool = position !== -1 && fk.confattnums?.[position] === target.school_attnum;
      if (fk.attnums.length < 2 || !pointsAtSchool) {
        add(
          t.table,
          `foreign key ${fk.name} to tenant table ${target.table} is not composite on school_id`,
        );
      }
    }

    const own_policies = policies.filter((p) => p.table === t.table && p.permissive);
    for (const cmd of ['SELECT', 'INSERT', 'UPDATE', 'DELETE']) {
      const covering = own_policies.filter((p) => p.cmd === cmd || p.cmd === 'ALL');
      if (covering.length === 0) {
        add(t.table, `no policy covers ${cmd}`);
        continue;
      }
      for (const p of covering) {
        const checksUsing = cmd !== 'INSERT';
        const checksWith = cmd === 'INSERT' || cmd === 'UPDATE';
        if (checksUsing && normalisePolicyExpression(p.qual) !== NORMALISED_PREDICATE) {
          add(t.table, `${cmd} policy USING is not the tenant predicate: ${p.qual ?? '(none)'}`);
        }
        // A policy without WITH CHECK applies its USING expression to new rows as well.
        const check = p.with_check ?? (p.cmd === 'ALL' || p.cmd === 'UPDATE' ? p.qual : null);
        if (checksWith && normalisePolicyExpression(check) !== NORMALISED_PREDICATE) {
          add(
            t.table,
            `${cmd} policy WITH CHECK is not the tenant predicate: ${check ?? '(none)'}`,
          );
        }
      }
    }
    for (const grant of platformGrants.filter((g) => g.table === t.table)) {
      add(t.table, `app_platform holds ${grant.privilege}`);
    }
  }
  return violations;
}

/** Tables whose rows belong to a school, as the catalog sees them. */
export async function listTenantTables(query: CatalogQuery, schema = 'public'): Promise<string[]> {
  const rows = await query<{ table: string }>(
    `select c.relname as table from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'school_id' and not a.attisdropped
      where n.nspname = $1 and c.relkind in ('r', 'p') order by 1`,
    [schema],
  );
  return rows.map((r) => r.table);
}
