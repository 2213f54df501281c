import type { ImportKind } from '../../../shared/contracts/imports.js';

// Mirrors IMPORT_KINDS and IMPORT_MAX_BYTES in src/shared/contracts/imports.ts, which the web
// bundle does not import because that module carries the TypeBox runtime.
export const IMPORT_KINDS = [
  'students',
  'guardians',
  'staff',
  'classes',
  'enrollments',
] as const satisfies readonly ImportKind[];

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Where the browser downloads the school's current records of a kind, as the importer reads them. */
export function exportPath(kind: ImportKind): string {
  return `/api/imports/${kind}/export`;
}
