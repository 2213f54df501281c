SELECT schoolhouse_protect_platform_table('plans');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('schools');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('custom_domains');
--> statement-breakpoint
SELECT schoolhouse_protect_tenant_table('users');
--> statement-breakpoint
SELECT schoolhouse_protect_tenant_table('audit_events', append_only => true);
--> statement-breakpoint
INSERT INTO plans (id, name, max_students, max_staff, max_users, max_storage_mb, rate_limit_per_minute, features, is_default)
VALUES
  ('free', 'Free', 100, 15, 150, 512, 600, '{"reportCards": false, "customDomains": false}', false),
  ('standard', 'Standard', 2000, 200, 3000, 20480, 6000, '{"reportCards": true, "customDomains": true}', true),
  ('enterprise', 'Enterprise', 50000, 5000, 80000, 512000, 60000, '{"reportCards": true, "customDomains": true}', false)
ON CONFLICT (id) DO NOTHING;
