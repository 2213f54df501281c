/** Every academic-structure query starts with this key, so one invalidation refreshes them all. */
export const academicsQueryKey = ['academics'] as const;
