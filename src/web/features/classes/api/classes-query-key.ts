/** Every class query (lists, details, rosters) starts with this key. */
export const classesQueryKey = ['classes'] as const;

export function classQueryKey(id: string) {
  return [...classesQueryKey, 'detail', id] as const;
}
