CREATE TABLE "platform_secrets" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_active_users" (
	"owner_school_id" uuid NOT NULL,
	"day" date NOT NULL,
	"actor_key" text NOT NULL,
	CONSTRAINT "school_active_users_pkey" PRIMARY KEY("owner_school_id","day","actor_key")
);
--> statement-breakpoint
CREATE TABLE "school_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_school_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"operator_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_usage" (
	"owner_school_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"latency_buckets" integer[] NOT NULL,
	CONSTRAINT "school_usage_pkey" PRIMARY KEY("owner_school_id","bucket_start")
);
--> statement-breakpoint
ALTER TABLE "user_tokens" DROP CONSTRAINT "user_tokens_purpose_check";--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "custom_domains" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_domains" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "limit_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "user_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "student_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "staff_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "storage_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "requests_30d" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "school_active_users" ADD CONSTRAINT "school_active_users_owner_school_id_schools_id_fk" FOREIGN KEY ("owner_school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_status_history" ADD CONSTRAINT "school_status_history_owner_school_id_schools_id_fk" FOREIGN KEY ("owner_school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_usage" ADD CONSTRAINT "school_usage_owner_school_id_schools_id_fk" FOREIGN KEY ("owner_school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_status_history_school_idx" ON "school_status_history" USING btree ("owner_school_id","at");--> statement-breakpoint
CREATE INDEX "custom_domains_next_check_idx" ON "custom_domains" USING btree ("status","next_check_at");--> statement-breakpoint
CREATE INDEX "schools_created_idx" ON "schools" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "schools_last_activity_idx" ON "schools" USING btree ("last_activity_at","id");--> statement-breakpoint
CREATE INDEX "schools_students_idx" ON "schools" USING btree ("student_count","id");--> statement-breakpoint
CREATE INDEX "schools_requests_idx" ON "schools" USING btree ("requests_30d","id");--> statement-breakpoint
CREATE INDEX "schools_name_idx" ON "schools" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "schools_plan_idx" ON "schools" USING btree ("plan_id","created_at","id");--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_purpose_check" CHECK ("user_tokens"."purpose" in ('invitation', 'password-reset', 'sign-in'));