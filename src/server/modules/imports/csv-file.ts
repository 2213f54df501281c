import { isUtf8 } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  type ImportKind,
} from '../../../shared/contracts/imports.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Issues } from './issues.js';

// Reading and writing the CSV files themselves: bytes to a table of trimmed cells keyed by
// column, and records back to bytes. Rules about what the cells mean live with each kind.

export interface CsvRow {
  /** 1-based data row (the header is row 0). */
  row: number;
  /** Cells of the columns the header names, trimmed; '' for an empty cell. */
  cells: Readonly<Record<string, string>>;
}

export interface CsvTable {
  /** Known columns present in the header. */
  columns: ReadonlySet<string>;
  /** False when the header names unknown or repeated columns, or lacks a required one. */
  headerValid: boolean;
  rows: CsvRow[];
}

const BOM = '\uFEFF';
// Cells that a spreadsheet would run as a formula. An export prefixes them with an apostrophe
// (OWASP's advice against CSV injection), and an import takes that apostrophe off again.
const FORMULA_START = /^[=+\-@\t\r]/;

function invalidCsv(message: string, row: number, code: string): AppError {
  return new AppError('INVALID_CSV', message, [{ row, column: null, code, message }]);
}

/** The request body as text: UTF-8 only, without a byte order mark. */
export function decodeCsv(body: Buffer | undefined | null): string {
  if (!body || body.length === 0) {
    throw invalidCsv('The file is empty: its first line must name the columns.', 0, 'empty');
  }
  if (!isUtf8(body)) {
    // A line feed byte never occurs inside a multi-byte UTF-8 sequence, so lines can be
    // checked one by one to tell people where the bad bytes are.
    let start = 0;
    let line = 1;
    for (;;) {
      const found = body.indexOf(0x0a, start);
      const end = found === -1 ? body.length : found;
      if (!isUtf8(body.subarray(start, end)) || found === -1) break;
      start = end + 1;
      line++;
    }
    throw invalidCsv(
      `The file is not UTF-8 text: line ${line} holds bytes that are not UTF-8. ` +
        'Save it as "CSV UTF-8" and try again.',
      line - 1,
      'not_utf8',
    );
  }
  const text = body.toString('utf8');
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** "Admission Number" and "admission-number" both name the column admission_number. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** A cell as the importer reads it: trimmed, without an export's anti-formula apostrophe. */
export function readCell(raw: string): string {
  const value = raw.trim();
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A cell as an export writes it, safe to open in a spreadsheet. */
export function writeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function parseRecords(text: string): string[][] {
  try {
    return parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      // One record more than allowed is enough to know the file is too long.
      to: IMPORT_MAX_ROWS + 2,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw malformed(error, text);
  }
}

function malformed(error: CsvError, text: string): AppError {
  const records = typeof error.records === 'number' ? error.records : 0;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The parser reports the end of the file; the broken record starts after the last good one.
    const done = (records > 0
      ? parse(text, { info: true, skip_empty_lines: true, to: records })
      : []) as unknown as { info: { lines: number } }[];
    const lines = text.split('\n');
    let line = (done.at(-1)?.info.lines ?? 0) + 1;
    while (line < lines.length && (lines[line - 1] ?? '').trim() === '') line++;
    return invalidCsv(
      `The file is not valid CSV: the quoted value that starts on line ${line} is never closed.`,
      records,
      'unclosed_quote',
    );
  }
  const line = typeof error.lines === 'number' ? error.lines : 0;
  const what =
    error.code === 'CSV_MAX_RECORD_SIZE'
      ? 'a record is too long'
      : error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE'
        ? 'a quote sits in the middle of a value (write "" for a quote inside a quoted value)'
        : 'it cannot be read';
  return invalidCsv(`The file is not valid CSV: ${what}, on line ${line}.`, records, 'malformed');
}

/**
 * Parses the file into rows keyed by the kind's columns. Problems with the header are added
 * to `issues` (row 0); a file that cannot be read at all, or is too long, is refused whole.
 */
export function readCsv(
  body: Buffer | undefined | null,
  kind: ImportKind,
  issues: Issues,
): CsvTable {
  const records = parseRecords(decodeCsv(body));
  const header = records[0];
  if (!header) {
    throw invalidCsv('The file is empty: its first line must name the columns.', 0, 'empty');
  }
  if (records.length - 1 > IMPORT_MAX_ROWS) {
    throw new AppError(
      'TOO_MANY_ROWS',
      `The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} data rows, the most one ` +
        'import takes. Split it into smaller files.',
      [{ field: 'rows', code: 'max', message: `at most ${IMPORT_MAX_ROWS} rows` }],
    );
  }

  const before = issues.count;
  const known = IMPORT_COLUMNS[kind];
  const knownNames = new Set(known.map((c) => c.name));
  const positions: [string, number][] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const name = normaliseColumnName(raw);
    if (!knownNames.has(name)) {
      issues.add(
        0,
        raw.trim() || null,
        'unknown_column',
        name === ''
          ? `Column ${index + 1} has no name.`
          : `"${raw.trim()}" is not a column of a ${kind} file; the columns are ${known
              .map((c) => c.name)
              .join(', ')}.`,
      );
      return;
    }
    if (seen.has(name)) {
      issues.add(0, name, 'duplicate_column', `The column ${name} is named twice.`);
      return;
    }
    seen.add(name);
    positions.push([name, index]);
  });
  for (const column of known) {
    if (column.required && !seen.has(column.name)) {
      issues.add(
        0,
        column.name,
        'missing_column',
        `The required column ${column.name} is missing.`,
      );
    }
  }

  const headerValid = issues.count === before;

  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    const cells: Record<string, string> = {};
    for (const [name, index] of positions) cells[name] = readCell(record[index] ?? '');
    rows.push({ row: i, cells });
    // Extra values after the last column are only tolerated when empty (trailing commas).
    if (record.slice(header.length).some((value) => value.trim() !== '')) {
      issues.add(
        i,
        null,
        'field_count',
        `The row has ${record.length} values but the header names ${header.length} columns.`,
      );
    }
  }
  return { columns: seen, headerValid, rows };
}

/** The CSV bytes of an export: UTF-8 with a byte order mark (so spreadsheets read Arabic). */
export function writeCsv(
  kind: ImportKind,
  records: readonly Readonly<Record<string, string>>[],
): Buffer {
  const columns = IMPORT_COLUMNS[kind].map((c) => c.name);
  const text = stringify(
    [columns, ...records.map((record) => columns.map((c) => writeCell(record[c] ?? '')))],
    { record_delimiter: 'windows' },
  );
  return Buffer.from(BOM + text, 'utf8');
}
