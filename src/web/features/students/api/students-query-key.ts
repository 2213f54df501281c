/** Every student query (lists, profiles, their guardians and classes) starts with this key. */
export const studentsQueryKey = ['students'] as const;

export function studentQueryKey(id: string) {
  return [...studentsQueryKey, 'detail', id] as const;
}
