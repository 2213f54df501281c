/** Every timetable query (periods, weeks, days) starts with this key. */
export const timetableQueryKey = ['timetable'] as const;

export const periodsQueryKey = [...timetableQueryKey, 'periods'] as const;
