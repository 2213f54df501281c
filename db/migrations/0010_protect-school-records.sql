SELECT schoolhouse_protect_tenant_table(t::regclass)
  FROM unnest(ARRAY[
    'staff', 'students', 'guardians', 'student_guardians', 'academic_years', 'terms', 'grade_levels',
    'sections', 'subjects', 'rooms', 'classes', 'class_teachers', 'section_enrollments', 'class_enrollments'
  ]) AS t;
--> statement-breakpoint
-- References drawn across modules (kept out of the table definitions to avoid import cycles).
ALTER TABLE students ADD CONSTRAINT students_section_fk
  FOREIGN KEY (school_id, section_id) REFERENCES sections (school_id, id);
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_linked_staff_fk
  FOREIGN KEY (school_id, linked_staff_id) REFERENCES staff (school_id, id);
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_linked_student_fk
  FOREIGN KEY (school_id, linked_student_id) REFERENCES students (school_id, id);
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_linked_guardian_fk
  FOREIGN KEY (school_id, linked_guardian_id) REFERENCES guardians (school_id, id);
--> statement-breakpoint
CREATE UNIQUE INDEX users_linked_staff_key ON users (school_id, linked_staff_id) WHERE linked_staff_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX users_linked_student_key ON users (school_id, linked_student_id) WHERE linked_student_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX users_linked_guardian_key ON users (school_id, linked_guardian_id) WHERE linked_guardian_id IS NOT NULL;
--> statement-breakpoint
-- Figures for the console now include students and staff.
DROP FUNCTION IF EXISTS schoolhouse_school_figures();
--> statement-breakpoint
CREATE FUNCTION schoolhouse_school_figures()
RETURNS TABLE (school_id uuid, users integer, students integer, staff integer, storage_bytes bigint)
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
    SELECT count(*)::integer INTO users FROM users u WHERE u.school_id = one_school AND u.status <> 'disabled';
    SELECT count(*)::integer INTO students FROM students s
     WHERE s.school_id = one_school AND s.status IN ('applicant', 'enrolled', 'suspended');
    SELECT count(*)::integer INTO staff FROM staff f WHERE f.school_id = one_school AND f.status = 'active';
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
