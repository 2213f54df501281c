import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { Week, WeekQuery } from '../../../../shared/contracts/timetable.js';
import { api } from '../../../lib/api-client';

import { timetableQueryKey } from './timetable-query-key';

export type WeekSelectorKind = 'section' | 'teacher' | 'room' | 'student' | 'class';

export interface WeekSelection {
  kind: WeekSelectorKind;
  id: string;
  /** Left out: the term around today. */
  termId?: string;
}

export function weekQuery(selection: WeekSelection): WeekQuery {
  return { termId: selection.termId, [`${selection.kind}Id`]: selection.id };
}

/** One week of a section, teacher, room, student or class. */
export function getWeek(selection: WeekSelection, signal?: AbortSignal): Promise<Week> {
  return api.get<Week>('/api/timetable', { ...weekQuery(selection) }, signal);
}

export function weekQueryOptions(selection: WeekSelection) {
  return queryOptions({
    queryKey: [...timetableQueryKey, 'week', selection] as const,
    queryFn: ({ signal }) => getWeek(selection, signal),
  });
}

export function useWeek(selection: WeekSelection | null) {
  return useQuery({
    ...weekQueryOptions(selection ?? { kind: 'section', id: '' }),
    enabled: selection !== null && selection.id !== '',
    placeholderData: keepPreviousData,
  });
}
