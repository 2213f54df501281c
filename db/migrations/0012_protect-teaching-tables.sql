SELECT schoolhouse_protect_tenant_table(t::regclass)
  FROM unnest(ARRAY[
    'periods', 'timetable_entries', 'attendance_settings', 'attendance_registers', 'attendance_marks',
    'attendance_mark_history', 'attendance_unlocks', 'absence_notes', 'grading_scales',
    'gradebook_settings', 'assessment_categories', 'assessments', 'scores', 'report_card_comments',
    'report_card_publications', 'report_cards'
  ]) AS t;
