/** Every attendance query starts with this key; a save changes marks everywhere, so mutations
 * invalidate all of it. */
export const attendanceQueryKey = ['attendance'] as const;
