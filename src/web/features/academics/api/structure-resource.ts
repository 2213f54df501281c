import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Page, QueryValue } from '../../../lib/api-client';
import { collectPages } from '../../../lib/collect-pages';
import { classesQueryKey } from '../../classes/api/classes-query-key';

import { academicsQueryKey } from './academics-query-key';

// Years, terms, grade levels, sections, subjects and rooms share one shape of API: a keyset
// list, create, change (PATCH) and delete under `/api/<name>`. A school has tens of each, so
// forms and tables read the whole list at once.

export interface StructureResource<T, C, U> {
  /** `academic-years`, `terms`, ...: the path under /api and the query key. */
  name: string;
  /** The list order the screens want, as the API's `sort` value. */
  sort: string;
  /** Types only: what a row, a create body and a change body look like. */
  readonly types?: { item: T; create: C; update: U };
}

export function defineStructureResource<T, C, U>(
  name: string,
  sort: string,
): StructureResource<T, C, U> {
  return { name, sort };
}

export function structureQueryKey(resource: { name: string }) {
  return [...academicsQueryKey, resource.name] as const;
}

function itemPath(resource: { name: string }, id: string): string {
  return `/api/${resource.name}/${encodeURIComponent(id)}`;
}

export function listAllStructure<T>(
  resource: StructureResource<T, unknown, unknown>,
  filters: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T[]> {
  return collectPages((cursor) =>
    api.get<Page<T>>(
      `/api/${resource.name}`,
      { ...filters, sort: resource.sort, cursor, limit: 200 },
      signal,
    ),
  );
}

export function structureListQueryOptions<T>(
  resource: StructureResource<T, unknown, unknown>,
  filters: Record<string, QueryValue> = {},
) {
  return queryOptions({
    queryKey: [...structureQueryKey(resource), 'list', filters] as const,
    queryFn: ({ signal }) => listAllStructure(resource, filters, signal),
    staleTime: 60_000,
  });
}

export function useStructureList<T>(
  resource: StructureResource<T, unknown, unknown>,
  filters: Record<string, QueryValue> = {},
) {
  return useQuery(structureListQueryOptions(resource, filters));
}

export function useCreateStructureItem<T, C>(resource: StructureResource<T, C, unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: C) => api.post<T>(`/api/${resource.name}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: academicsQueryKey }),
  });
}

export function useUpdateStructureItem<T, U>(resource: StructureResource<T, unknown, U>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: U }) =>
      api.patch<T>(itemPath(resource, id), body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: academicsQueryKey }),
        // Class lists show the names of their terms, subjects, rooms and groups.
        queryClient.invalidateQueries({ queryKey: classesQueryKey }),
      ]),
  });
}

export function useDeleteStructureItem(resource: { name: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(itemPath(resource, id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: academicsQueryKey }),
  });
}
