CREATE TABLE "absence_notes" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"submitted_by" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_notes_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "absence_notes_dates_check" CHECK ("absence_notes"."starts_on" <= "absence_notes"."ends_on"),
	CONSTRAINT "absence_notes_status_check" CHECK ("absence_notes"."status" in ('pending', 'accepted', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "attendance_mark_history" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"previous_status" text NOT NULL,
	"previous_note" text,
	"new_status" text NOT NULL,
	"new_note" text,
	"reason" text,
	"changed_by" uuid,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_mark_history_pkey" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "attendance_marks" (
	"school_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_marks_pkey" PRIMARY KEY("school_id","register_id","student_id"),
	CONSTRAINT "attendance_marks_status_check" CHECK ("attendance_marks"."status" in ('present', 'absent', 'late', 'excused'))
);
--> statement-breakpoint
CREATE TABLE "attendance_registers" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"section_id" uuid,
	"class_id" uuid,
	"period_id" uuid,
	"taken_by" uuid,
	"taken_by_name" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_registers_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "attendance_registers_kind_check" CHECK (("attendance_registers"."kind" = 'daily' and "attendance_registers"."section_id" is not null and "attendance_registers"."class_id" is null and "attendance_registers"."period_id" is null)
       or ("attendance_registers"."kind" = 'class' and "attendance_registers"."class_id" is not null and "attendance_registers"."section_id" is null))
);
--> statement-breakpoint
CREATE TABLE "attendance_settings" (
	"school_id" uuid NOT NULL,
	"edit_window_days" integer DEFAULT 0 NOT NULL,
	"low_attendance_threshold" numeric(5, 2) DEFAULT '90' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_settings_pkey" PRIMARY KEY("school_id"),
	CONSTRAINT "attendance_settings_window_check" CHECK ("attendance_settings"."edit_window_days" between 0 and 365),
	CONSTRAINT "attendance_settings_threshold_check" CHECK ("attendance_settings"."low_attendance_threshold" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "attendance_unlocks" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid,
	"granted_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_unlocks_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "attendance_unlocks_dates_check" CHECK ("attendance_unlocks"."starts_on" <= "attendance_unlocks"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "assessment_categories" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weight" numeric(7, 2) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_categories_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "assessment_categories_class_name_key" UNIQUE("school_id","class_id","name"),
	CONSTRAINT "assessment_categories_weight_check" CHECK ("assessment_categories"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"title" text NOT NULL,
	"max_score" numeric(8, 2) NOT NULL,
	"due_on" date,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "assessments_max_score_check" CHECK ("assessments"."max_score" > 0)
);
--> statement-breakpoint
CREATE TABLE "gradebook_settings" (
	"school_id" uuid NOT NULL,
	"missing_counts_as_zero" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gradebook_settings_pkey" PRIMARY KEY("school_id")
);
--> statement-breakpoint
CREATE TABLE "grading_scales" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"bands" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grading_scales_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "grading_scales_school_name_key" UNIQUE("school_id","name")
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"school_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text DEFAULT 'scored' NOT NULL,
	"points" numeric(8, 2),
	"comment" text,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scores_pkey" PRIMARY KEY("school_id","assessment_id","student_id"),
	CONSTRAINT "scores_status_check" CHECK ("scores"."status" in ('scored', 'excused', 'missing')),
	CONSTRAINT "scores_points_check" CHECK (("scores"."status" = 'scored' and "scores"."points" is not null and "scores"."points" >= 0)
       or ("scores"."status" <> 'scored' and "scores"."points" is null))
);
--> statement-breakpoint
CREATE TABLE "report_card_comments" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_card_comments_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "report_card_comments_one_key" UNIQUE NULLS NOT DISTINCT("school_id","term_id","student_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "report_card_publications" (
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_by_name" text NOT NULL,
	CONSTRAINT "report_card_publications_pkey" PRIMARY KEY("school_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "report_cards" (
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_cards_pkey" PRIMARY KEY("school_id","term_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"days" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "periods_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "periods_school_name_key" UNIQUE("school_id","name"),
	CONSTRAINT "periods_times_check" CHECK ("periods"."starts_at" < "periods"."ends_at"),
	CONSTRAINT "periods_days_check" CHECK (cardinality("periods"."days") > 0 and "periods"."days" <@ '{1,2,3,4,5,6,7}'::smallint[])
);
--> statement-breakpoint
CREATE TABLE "timetable_entries" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"day" smallint NOT NULL,
	"period_id" uuid NOT NULL,
	"room_id" uuid,
	"teacher_id" uuid,
	"section_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timetable_entries_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "timetable_entries_day_check" CHECK ("timetable_entries"."day" between 1 and 7)
);
--> statement-breakpoint
ALTER TABLE "absence_notes" ADD CONSTRAINT "absence_notes_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_notes" ADD CONSTRAINT "absence_notes_guardian_fk" FOREIGN KEY ("school_id","guardian_id") REFERENCES "public"."guardians"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_notes" ADD CONSTRAINT "absence_notes_submitted_by_fk" FOREIGN KEY ("school_id","submitted_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_notes" ADD CONSTRAINT "absence_notes_reviewed_by_fk" FOREIGN KEY ("school_id","reviewed_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_mark_history" ADD CONSTRAINT "attendance_mark_history_mark_fk" FOREIGN KEY ("school_id","register_id","student_id") REFERENCES "public"."attendance_marks"("school_id","register_id","student_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_register_fk" FOREIGN KEY ("school_id","register_id") REFERENCES "public"."attendance_registers"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_registers" ADD CONSTRAINT "attendance_registers_section_fk" FOREIGN KEY ("school_id","section_id") REFERENCES "public"."sections"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_registers" ADD CONSTRAINT "attendance_registers_class_fk" FOREIGN KEY ("school_id","class_id") REFERENCES "public"."classes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_registers" ADD CONSTRAINT "attendance_registers_period_fk" FOREIGN KEY ("school_id","period_id") REFERENCES "public"."periods"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_registers" ADD CONSTRAINT "attendance_registers_taken_by_fk" FOREIGN KEY ("school_id","taken_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_registers" ADD CONSTRAINT "attendance_registers_updated_by_fk" FOREIGN KEY ("school_id","updated_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_settings" ADD CONSTRAINT "attendance_settings_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_unlocks" ADD CONSTRAINT "attendance_unlocks_staff_fk" FOREIGN KEY ("school_id","staff_id") REFERENCES "public"."staff"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_unlocks" ADD CONSTRAINT "attendance_unlocks_granted_by_fk" FOREIGN KEY ("school_id","granted_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_categories" ADD CONSTRAINT "assessment_categories_class_fk" FOREIGN KEY ("school_id","class_id") REFERENCES "public"."classes"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_class_fk" FOREIGN KEY ("school_id","class_id") REFERENCES "public"."classes"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_category_fk" FOREIGN KEY ("school_id","category_id") REFERENCES "public"."assessment_categories"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gradebook_settings" ADD CONSTRAINT "gradebook_settings_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_scales" ADD CONSTRAINT "grading_scales_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_assessment_fk" FOREIGN KEY ("school_id","assessment_id") REFERENCES "public"."assessments"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_updated_by_fk" FOREIGN KEY ("school_id","updated_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_card_comments" ADD CONSTRAINT "report_card_comments_term_fk" FOREIGN KEY ("school_id","term_id") REFERENCES "public"."terms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_card_comments" ADD CONSTRAINT "report_card_comments_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_card_comments" ADD CONSTRAINT "report_card_comments_class_fk" FOREIGN KEY ("school_id","class_id") REFERENCES "public"."classes"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_card_comments" ADD CONSTRAINT "report_card_comments_author_fk" FOREIGN KEY ("school_id","author_id") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_card_publications" ADD CONSTRAINT "report_card_publications_term_fk" FOREIGN KEY ("school_id","term_id") REFERENCES "public"."terms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_card_publications" ADD CONSTRAINT "report_card_publications_by_fk" FOREIGN KEY ("school_id","published_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_term_fk" FOREIGN KEY ("school_id","term_id") REFERENCES "public"."terms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_entries" ADD CONSTRAINT "timetable_entries_term_fk" FOREIGN KEY ("school_id","term_id") REFERENCES "public"."terms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_entries" ADD CONSTRAINT "timetable_entries_class_fk" FOREIGN KEY ("school_id","class_id") REFERENCES "public"."classes"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_entries" ADD CONSTRAINT "timetable_entries_period_fk" FOREIGN KEY ("school_id","period_id") REFERENCES "public"."periods"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_entries" ADD CONSTRAINT "timetable_entries_room_fk" FOREIGN KEY ("school_id","room_id") REFERENCES "public"."rooms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_entries" ADD CONSTRAINT "timetable_entries_teacher_fk" FOREIGN KEY ("school_id","teacher_id") REFERENCES "public"."staff"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_entries" ADD CONSTRAINT "timetable_entries_section_fk" FOREIGN KEY ("school_id","section_id") REFERENCES "public"."sections"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_notes_student_idx" ON "absence_notes" USING btree ("school_id","student_id","starts_on");--> statement-breakpoint
CREATE INDEX "absence_notes_pending_idx" ON "absence_notes" USING btree ("school_id","created_at") WHERE "absence_notes"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "attendance_mark_history_mark_idx" ON "attendance_mark_history" USING btree ("school_id","register_id","student_id");--> statement-breakpoint
CREATE INDEX "attendance_marks_student_date_idx" ON "attendance_marks" USING btree ("school_id","student_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_registers_daily_key" ON "attendance_registers" USING btree ("school_id","section_id","date") WHERE "attendance_registers"."kind" = 'daily';--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_registers_class_key" ON "attendance_registers" USING btree ("school_id","class_id","date",coalesce("period_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "attendance_registers"."kind" = 'class';--> statement-breakpoint
CREATE INDEX "attendance_registers_date_idx" ON "attendance_registers" USING btree ("school_id","date");--> statement-breakpoint
CREATE INDEX "attendance_unlocks_staff_idx" ON "attendance_unlocks" USING btree ("school_id","staff_id","expires_at");--> statement-breakpoint
CREATE INDEX "assessments_class_due_idx" ON "assessments" USING btree ("school_id","class_id","due_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_scales_one_default_idx" ON "grading_scales" USING btree ("school_id") WHERE "grading_scales"."is_default";--> statement-breakpoint
CREATE INDEX "scores_student_idx" ON "scores" USING btree ("school_id","student_id");--> statement-breakpoint
CREATE INDEX "report_cards_student_idx" ON "report_cards" USING btree ("school_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timetable_entries_class_slot_key" ON "timetable_entries" USING btree ("school_id","term_id","day","period_id","class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timetable_entries_teacher_slot_key" ON "timetable_entries" USING btree ("school_id","term_id","day","period_id","teacher_id") WHERE "timetable_entries"."teacher_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "timetable_entries_room_slot_key" ON "timetable_entries" USING btree ("school_id","term_id","day","period_id","room_id") WHERE "timetable_entries"."room_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "timetable_entries_section_slot_key" ON "timetable_entries" USING btree ("school_id","term_id","day","period_id","section_id") WHERE "timetable_entries"."section_id" is not null;--> statement-breakpoint
CREATE INDEX "timetable_entries_class_idx" ON "timetable_entries" USING btree ("school_id","class_id");--> statement-breakpoint
CREATE INDEX "timetable_entries_teacher_idx" ON "timetable_entries" USING btree ("school_id","teacher_id","term_id");--> statement-breakpoint
CREATE INDEX "timetable_entries_room_idx" ON "timetable_entries" USING btree ("school_id","room_id","term_id");--> statement-breakpoint
CREATE INDEX "timetable_entries_section_idx" ON "timetable_entries" USING btree ("school_id","section_id","term_id");