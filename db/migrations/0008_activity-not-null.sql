UPDATE "schools" SET "last_activity_at" = "created_at" WHERE "last_activity_at" IS NULL;--> statement-breakpoint
ALTER TABLE "schools" ALTER COLUMN "last_activity_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "schools" ALTER COLUMN "last_activity_at" SET NOT NULL;