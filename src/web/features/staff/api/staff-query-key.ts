/** Every staff query (the directory, details, their classes, teacher pickers) starts with this key. */
export const staffQueryKey = ['staff'] as const;

export function staffMemberQueryKey(id: string) {
  return [...staffQueryKey, 'detail', id] as const;
}
