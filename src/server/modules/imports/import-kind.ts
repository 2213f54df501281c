import type { ImportSummary } from '../../../shared/contracts/imports.js';
import type { TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import type { CsvTable } from './csv-file.js';
import type { Issues } from './issues.js';

export type Outcome = keyof ImportSummary;

export interface ImportRun {
  ctx: TenantContext;
  tx: Tx;
  /** The calendar date in the school's time zone. */
  today: string;
}

/** What a valid file would do: the counts, and the writes that do it. */
export interface PlannedImport {
  summary: ImportSummary;
  apply(): Promise<void>;
}

/** One kind of file: how its rows are checked and written, and how its records are exported. */
export interface KindImporter {
  /** Reports every problem to `issues` and writes nothing. */
  plan(run: ImportRun, table: CsvTable, issues: Issues): Promise<PlannedImport>;
  /** The school's records as rows of this kind's columns, in a stable order. */
  exportRecords(tx: Tx): Promise<Record<string, string>[]>;
}

export function countOutcomes(outcomes: readonly Outcome[]): ImportSummary {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  for (const outcome of outcomes) summary[outcome]++;
  return summary;
}

/** Sorts export rows by the given columns, compared as plain strings. */
export function sortRecords(
  records: Record<string, string>[],
  columns: readonly string[],
): Record<string, string>[] {
  return records.sort((a, b) => {
    for (const column of columns) {
      const x = a[column] ?? '';
      const y = b[column] ?? '';
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
