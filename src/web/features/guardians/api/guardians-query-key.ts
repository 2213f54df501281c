/** Every guardian query (lists, details, their children) starts with this key. */
export const guardiansQueryKey = ['guardians'] as const;

export function guardianQueryKey(id: string) {
  return [...guardiansQueryKey, 'detail', id] as const;
}
