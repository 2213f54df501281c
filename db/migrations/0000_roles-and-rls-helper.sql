-- Roles used by the application. Role names are cluster-wide, so creation is idempotent.
--   app_tenant   : serves school requests; bound by row-level security on school_id.
--   app_platform : serves platform requests; granted platform tables only, never tenant tables.
--   app_runtime  : the identity a connection sits in between transactions; it owns and is
--                  granted nothing, so a query outside withTenant/withPlatform is refused.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_tenant') THEN
    CREATE ROLE app_tenant NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_platform') THEN
    CREATE ROLE app_platform NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_runtime') THEN
    CREATE ROLE app_runtime NOLOGIN NOINHERIT;
  END IF;
END
$$;
--> statement-breakpoint
GRANT app_tenant, app_platform TO app_runtime;
--> statement-breakpoint
GRANT app_runtime, app_tenant, app_platform TO CURRENT_USER;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_tenant, app_platform;
--> statement-breakpoint
-- Every tenant table is passed through this once, right after it is created: forced RLS with
-- the one tenant policy, and grants for app_tenant only. The isolation-invariant test checks
-- the outcome in the catalog, so forgetting this call fails the suite.
CREATE OR REPLACE FUNCTION schoolhouse_protect_tenant_table(target regclass, append_only boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s FOR ALL TO PUBLIC '
    'USING (school_id = nullif(current_setting(''app.school_id'', true), '''')::uuid) '
    'WITH CHECK (school_id = nullif(current_setting(''app.school_id'', true), '''')::uuid)',
    target);
  EXECUTE format('REVOKE ALL ON %s FROM PUBLIC, app_platform, app_runtime', target);
  IF append_only THEN
    EXECUTE format('REVOKE ALL ON %s FROM app_tenant', target);
    EXECUTE format('GRANT SELECT, INSERT ON %s TO app_tenant', target);
  ELSE
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO app_tenant', target);
  END IF;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION schoolhouse_protect_platform_table(target regclass)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('REVOKE ALL ON %s FROM PUBLIC, app_tenant, app_runtime', target);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO app_platform', target);
END
$$;
