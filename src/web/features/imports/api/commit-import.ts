import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ImportKind, ImportResult } from '../../../../shared/contracts/imports.js';
import { api } from '../../../lib/api-client';
import { academicsQueryKey } from '../../academics/api/academics-query-key';
import { classesQueryKey } from '../../classes/api/classes-query-key';
import { guardiansQueryKey } from '../../guardians/api/guardians-query-key';
import { staffQueryKey } from '../../staff/api/staff-query-key';
import { studentsQueryKey } from '../../students/api/students-query-key';

/**
 * Imports the whole file in one transaction, or nothing: the server checks it again and
 * answers 422 IMPORT_INVALID if anything changed since the preview.
 */
export function commitImport(kind: ImportKind, csv: string): Promise<ImportResult> {
  return api.postText<ImportResult>(`/api/imports/${kind}/commit`, 'text/csv', csv);
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, csv }: { kind: ImportKind; csv: string }) => commitImport(kind, csv),
    // A file may touch students, guardians, staff, classes and enrollments alike.
    onSuccess: () =>
      Promise.all(
        [
          studentsQueryKey,
          guardiansQueryKey,
          staffQueryKey,
          classesQueryKey,
          academicsQueryKey,
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
