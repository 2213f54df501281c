import { useMutation } from '@tanstack/react-query';

import type { ImportKind, ImportResult } from '../../../../shared/contracts/imports.js';
import { api } from '../../../lib/api-client';

/** Checks the file against the school's records without writing anything. */
export function previewImport(kind: ImportKind, csv: string): Promise<ImportResult> {
  return api.postText<ImportResult>(`/api/imports/${kind}/preview`, 'text/csv', csv);
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ kind, csv }: { kind: ImportKind; csv: string }) => previewImport(kind, csv),
  });
}
