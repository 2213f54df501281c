-- Per-school figures for the operator console: active account counts and the approximate bytes
-- each school's rows take. Counting needs the owner's reach, so this owner-run function returns
-- aggregates only (never rows) to app_platform. Row-level security is forced even on the table
-- owner, so it visits one school at a time under that school's own setting.
CREATE OR REPLACE FUNCTION schoolhouse_school_figures()
RETURNS TABLE (school_id uuid, users integer, storage_bytes bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  tenant_table regclass;
  size_query text := '';
  one_school uuid;
  table_bytes bigint;
BEGIN
  FOR tenant_table IN
    SELECT c.oid::regclass FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'school_id' AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    size_query := size_query || CASE WHEN size_query = '' THEN '' ELSE ' + ' END
      || format('(SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM %s t WHERE t.school_id = $1)', tenant_table);
  END LOOP;
  FOR one_school IN SELECT id FROM schools LOOP
    PERFORM set_config('app.school_id', one_school::text, true);
    EXECUTE 'SELECT (' || size_query || ')::bigint' INTO table_bytes USING one_school;
    school_id := one_school;
    SELECT count(*)::integer INTO users FROM users WHERE users.school_id = one_school AND status <> 'disabled';
    storage_bytes := table_bytes;
    RETURN NEXT;
  END LOOP;
  PERFORM set_config('app.school_id', '', true);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION schoolhouse_school_figures() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION schoolhouse_school_figures() TO app_platform;
