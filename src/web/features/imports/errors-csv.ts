import type { ImportIssue } from '../../../shared/contracts/imports.js';

// The problems of a file as a CSV of their own, so the person can fix them in a spreadsheet
// beside the file. Built in the browser from the preview; nothing is sent anywhere.

// A cell a spreadsheet would run as a formula gets an apostrophe in front (OWASP's advice
// against CSV injection), as the server's exports do.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface ErrorsCsvHeadings {
  row: string;
  column: string;
  message: string;
}

export function errorsCsv(issues: readonly ImportIssue[], headings: ErrorsCsvHeadings): string {
  return toCsv([
    [headings.row, headings.column, headings.message],
    ...issues.map((issue) => [String(issue.row), issue.column ?? '', issue.message]),
  ]);
}
