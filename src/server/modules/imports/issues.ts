import { IMPORT_MAX_LISTED_ERRORS, type ImportIssue } from '../../../shared/contracts/imports.js';

/** The problems found in one file, by data row and column (row 0: the header or whole file). */
export class Issues {
  private readonly listed: ImportIssue[] = [];
  private readonly badRows = new Set<number>();
  private total = 0;

  add(row: number, column: string | null, code: string, message: string): void {
    this.total++;
    if (row > 0) this.badRows.add(row);
    if (this.listed.length < IMPORT_MAX_LISTED_ERRORS)
      this.listed.push({ row, column, code, message });
  }

  hasRowErrors(row: number): boolean {
    return this.badRows.has(row);
  }

  get count(): number {
    return this.total;
  }

  /** Sorted by row, then in the order they were found. */
  list(): ImportIssue[] {
    return this.listed
      .map((issue, index) => ({ issue, index }))
      .sort((a, b) => a.issue.row - b.issue.row || a.index - b.index)
      .map(({ issue }) => issue);
  }
}
