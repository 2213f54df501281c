CREATE TABLE "academic_years" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academic_years_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "academic_years_school_name_key" UNIQUE("school_id","name"),
	CONSTRAINT "academic_years_dates_check" CHECK ("academic_years"."starts_on" < "academic_years"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "class_teachers" (
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	CONSTRAINT "class_teachers_pkey" PRIMARY KEY("school_id","class_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"section_id" uuid,
	"grade_level_id" uuid,
	"room_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classes_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "classes_school_term_name_key" UNIQUE("school_id","term_id","name"),
	CONSTRAINT "classes_group_check" CHECK (num_nonnulls("classes"."section_id", "classes"."grade_level_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "grade_levels" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_levels_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "grade_levels_school_name_key" UNIQUE("school_id","name")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "rooms_school_name_key" UNIQUE("school_id","name"),
	CONSTRAINT "rooms_capacity_check" CHECK ("rooms"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"grade_level_id" uuid NOT NULL,
	"name" text NOT NULL,
	"homeroom_teacher_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sections_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "sections_school_grade_name_key" UNIQUE("school_id","grade_level_id","name")
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "subjects_school_code_key" UNIQUE("school_id","code")
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"academic_year_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "terms_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "terms_school_year_name_key" UNIQUE("school_id","academic_year_id","name"),
	CONSTRAINT "terms_dates_check" CHECK ("terms"."starts_on" < "terms"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "class_enrollments" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_enrollments_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "class_enrollments_class_student_start_key" UNIQUE("school_id","class_id","student_id","starts_on")
);
--> statement-breakpoint
CREATE TABLE "section_enrollments" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"academic_year_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "section_enrollments_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "section_enrollments_student_year_key" UNIQUE("school_id","student_id","academic_year_id")
);
--> statement-breakpoint
CREATE TABLE "guardians" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guardians_pkey" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"employee_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"position" text DEFAULT '' NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"is_teacher" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "staff_school_number_key" UNIQUE("school_id","employee_number"),
	CONSTRAINT "staff_status_check" CHECK ("staff"."status" in ('active', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "student_guardians" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"relationship" text DEFAULT 'guardian' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"portal_access" boolean DEFAULT true NOT NULL,
	"pickup_allowed" boolean DEFAULT true NOT NULL,
	"no_contact" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_guardians_pkey" PRIMARY KEY("school_id","student_id","guardian_id")
);
--> statement-breakpoint
CREATE TABLE "students" (
	"school_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"admission_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"gender" text DEFAULT 'unspecified' NOT NULL,
	"status" text DEFAULT 'applicant' NOT NULL,
	"enrolled_on" date,
	"section_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "students_pkey" PRIMARY KEY("school_id","id"),
	CONSTRAINT "students_school_admission_key" UNIQUE("school_id","admission_number"),
	CONSTRAINT "students_status_check" CHECK ("students"."status" in ('applicant', 'enrolled', 'suspended', 'graduated', 'transferred', 'withdrawn')),
	CONSTRAINT "students_gender_check" CHECK ("students"."gender" in ('female', 'male', 'other', 'unspecified'))
);
--> statement-breakpoint
ALTER TABLE "academic_years" ADD CONSTRAINT "academic_years_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_teachers" ADD CONSTRAINT "class_teachers_class_fk" FOREIGN KEY ("school_id","class_id") REFERENCES "public"."classes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_teachers" ADD CONSTRAINT "class_teachers_staff_fk" FOREIGN KEY ("school_id","staff_id") REFERENCES "public"."staff"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_subject_fk" FOREIGN KEY ("school_id","subject_id") REFERENCES "public"."subjects"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_term_fk" FOREIGN KEY ("school_id","term_id") REFERENCES "public"."terms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_section_fk" FOREIGN KEY ("school_id","section_id") REFERENCES "public"."sections"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_grade_fk" FOREIGN KEY ("school_id","grade_level_id") REFERENCES "public"."grade_levels"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_room_fk" FOREIGN KEY ("school_id","room_id") REFERENCES "public"."rooms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_levels" ADD CONSTRAINT "grade_levels_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_grade_fk" FOREIGN KEY ("school_id","grade_level_id") REFERENCES "public"."grade_levels"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_homeroom_teacher_fk" FOREIGN KEY ("school_id","homeroom_teacher_id") REFERENCES "public"."staff"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms" ADD CONSTRAINT "terms_year_fk" FOREIGN KEY ("school_id","academic_year_id") REFERENCES "public"."academic_years"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrollments" ADD CONSTRAINT "class_enrollments_class_fk" FOREIGN KEY ("school_id","class_id") REFERENCES "public"."classes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrollments" ADD CONSTRAINT "class_enrollments_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_enrollments" ADD CONSTRAINT "section_enrollments_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_enrollments" ADD CONSTRAINT "section_enrollments_section_fk" FOREIGN KEY ("school_id","section_id") REFERENCES "public"."sections"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_enrollments" ADD CONSTRAINT "section_enrollments_year_fk" FOREIGN KEY ("school_id","academic_year_id") REFERENCES "public"."academic_years"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_guardians" ADD CONSTRAINT "student_guardians_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_guardians" ADD CONSTRAINT "student_guardians_guardian_fk" FOREIGN KEY ("school_id","guardian_id") REFERENCES "public"."guardians"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_school_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academic_years_one_current_idx" ON "academic_years" USING btree ("school_id") WHERE "academic_years"."is_current";--> statement-breakpoint
CREATE INDEX "class_teachers_staff_idx" ON "class_teachers" USING btree ("school_id","staff_id");--> statement-breakpoint
CREATE INDEX "classes_school_section_idx" ON "classes" USING btree ("school_id","section_id");--> statement-breakpoint
CREATE INDEX "grade_levels_school_order_idx" ON "grade_levels" USING btree ("school_id","sort_order");--> statement-breakpoint
CREATE INDEX "class_enrollments_student_idx" ON "class_enrollments" USING btree ("school_id","student_id");--> statement-breakpoint
CREATE INDEX "class_enrollments_class_idx" ON "class_enrollments" USING btree ("school_id","class_id");--> statement-breakpoint
CREATE INDEX "section_enrollments_section_idx" ON "section_enrollments" USING btree ("school_id","section_id");--> statement-breakpoint
CREATE INDEX "guardians_school_name_idx" ON "guardians" USING btree ("school_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "guardians_school_email_idx" ON "guardians" USING btree ("school_id","email");--> statement-breakpoint
CREATE INDEX "staff_school_name_idx" ON "staff" USING btree ("school_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "student_guardians_guardian_idx" ON "student_guardians" USING btree ("school_id","guardian_id");--> statement-breakpoint
CREATE INDEX "students_school_name_idx" ON "students" USING btree ("school_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "students_school_section_idx" ON "students" USING btree ("school_id","section_id");--> statement-breakpoint
CREATE INDEX "students_school_status_idx" ON "students" USING btree ("school_id","status");