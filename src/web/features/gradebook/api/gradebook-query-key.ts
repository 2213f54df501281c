/** Every gradebook query starts with this key; writes invalidate all of them. */
export const gradebookQueryKey = ['gradebook'] as const;

export function gradebookGridQueryKey(classId: string) {
  return [...gradebookQueryKey, 'grid', classId] as const;
}

export const gradingScalesQueryKey = [...gradebookQueryKey, 'scales'] as const;
export const gradebookSettingsQueryKey = [...gradebookQueryKey, 'settings'] as const;

export function studentGradesQueryKey(studentId: string, termId: string | null) {
  return [...gradebookQueryKey, 'student', studentId, termId ?? 'current'] as const;
}
