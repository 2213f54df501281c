import type { StructureResource } from './structure-resource';
import { useCreateStructureItem, useUpdateStructureItem } from './structure-resource';

/** Create or change, whichever the dialog is doing, behind one save function. */
export function useSaveStructureItem<T extends { id: string }, C, U>(
  resource: StructureResource<T, C, U>,
  item: T | null,
) {
  const create = useCreateStructureItem(resource);
  const update = useUpdateStructureItem(resource);
  const active = item ? update : create;
  return {
    error: active.error,
    isPending: active.isPending,
    create: (body: C, options: { onSuccess: () => void; onError: () => void }) =>
      create.mutate(body, options),
    update: (body: U, options: { onSuccess: () => void; onError: () => void }) => {
      if (!item) return;
      update.mutate({ id: item.id, body }, options);
    },
  };
}
