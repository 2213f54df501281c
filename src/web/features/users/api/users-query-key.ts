/** Every users query starts with this key, so one invalidation refreshes lists and details. */
export const usersQueryKey = ['users'] as const;
