SELECT schoolhouse_protect_tenant_table('custom_roles');
--> statement-breakpoint
SELECT schoolhouse_protect_tenant_table('user_custom_roles');
--> statement-breakpoint
SELECT schoolhouse_protect_tenant_table('sessions');
--> statement-breakpoint
SELECT schoolhouse_protect_tenant_table('user_tokens');
--> statement-breakpoint
SELECT schoolhouse_protect_tenant_table('mail_outbox');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('operators');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('operator_sessions');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('impersonation_grants');
--> statement-breakpoint
SELECT schoolhouse_protect_platform_table('platform_audit_events');
--> statement-breakpoint
-- The platform trail is append-only for the application, like the schools' own audit trail.
REVOKE UPDATE, DELETE ON platform_audit_events FROM app_platform;
