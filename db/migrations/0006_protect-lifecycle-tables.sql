SELECT schoolhouse_protect_platform_table('school_status_history');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('school_usage');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('school_active_users');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('platform_secrets');
--> statement-breakpoint
-- Deleting a school removes its rows from every tenant table, including the append-only
-- audit trail that app_tenant may never delete from. This owner-run function is the one way
-- to do that: it deletes at most `batch` rows of one school from one tenant table per call,
-- so the caller purges in short transactions that never lock other schools' rows.
CREATE OR REPLACE FUNCTION schoolhouse_purge_school_batch(target regclass, school uuid, batch integer)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  removed integer;
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_attribute
     WHERE attrelid = target AND attname = 'school_id' AND NOT attisdropped
  ) THEN
    RAISE EXCEPTION '% is not a tenant table', target;
  END IF;
  IF EXISTS (SELECT 1 FROM schools WHERE id = school AND status <> 'archived') THEN
    RAISE EXCEPTION 'school % must be archived before it is purged', school;
  END IF;
  -- Tenant tables force row-level security even on their owner: scope this transaction to
  -- the school being purged so the policy admits exactly its rows.
  PERFORM set_config('app.school_id', school::text, true);
  EXECUTE format(
    'DELETE FROM %s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %s WHERE school_id = $1 LIMIT $2))',
    target, target)
  USING school, batch;
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION schoolhouse_purge_school_batch(regclass, uuid, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION schoolhouse_purge_school_batch(regclass, uuid, integer) TO app_platform;
--> statement-breakpoint
-- Keep the deployment's first schools' status history starting at their creation.
INSERT INTO school_status_history (id, owner_school_id, from_status, to_status, reason, at)
SELECT gen_random_uuid(), id, NULL, status, 'created', created_at FROM schools
ON CONFLICT DO NOTHING;
