import type { CsvRow, CsvTable } from './csv-file.js';
import type { Issues } from './issues.js';

// Reading typed values out of one row. Each reader answers in three ways: `undefined` when the
// file has no such column (the record keeps what it has), `null` when the cell is empty, or
// the value. A bad value is reported to `issues` and read as `undefined`.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseCalendarDate(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    year >= 1900
    ? value
    : null;
}

/** yes/no (also y/n, true/false, 1/0), any case; null for anything else. */
export function parseYesNo(value: string): boolean | null {
  const v = value.toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** A stored address that differs only in case is the same address, kept as stored. */
export function sameAddress(
  stored: string | null | undefined,
  read: string | null | undefined,
): boolean {
  return !!stored && !!read && stored.toLowerCase() === read.toLowerCase();
}

export class RowReader {
  constructor(
    private readonly table: CsvTable,
    readonly row: CsvRow,
    private readonly issues: Issues,
  ) {}

  get number(): number {
    return this.row.row;
  }

  has(column: string): boolean {
    return this.table.columns.has(column);
  }

  report(column: string | null, code: string, message: string): void {
    this.issues.add(this.row.row, column, code, message);
  }

  private raw(column: string): string | null | undefined {
    if (!this.has(column)) return undefined;
    const value = this.row.cells[column] ?? '';
    return value === '' ? null : value;
  }

  /** A cell that must hold a value; '' after reporting when it does not. */
  required(column: string, maxLength: number): string {
    if (!this.raw(column)) {
      this.report(column, 'required', `${column} is required.`);
      return '';
    }
    return this.text(column, maxLength) ?? '';
  }

  text(column: string, maxLength: number): string | null | undefined {
    const value = this.raw(column);
    if (value && value.length > maxLength) {
      this.report(column, 'too_long', `${column} is longer than ${maxLength} characters.`);
      return undefined;
    }
    return value;
  }

  date(column: string, notAfter?: string): string | null | undefined {
    const value = this.raw(column);
    if (value === null || value === undefined) return value;
    const date = parseCalendarDate(value);
    if (!date) {
      this.report(column, 'invalid_date', `"${value}" is not a date written YYYY-MM-DD.`);
      return undefined;
    }
    if (notAfter && date > notAfter) {
      this.report(column, 'invalid_date', `${date} is in the future.`);
      return undefined;
    }
    return date;
  }

  choice<T extends string>(column: string, options: readonly T[]): T | null | undefined {
    const value = this.raw(column);
    if (value === null || value === undefined) return value;
    const found = options.find((option) => option === value.toLowerCase());
    if (!found) {
      this.report(column, 'invalid_value', `"${value}" is not one of ${options.join(', ')}.`);
      return undefined;
    }
    return found;
  }

  flag(column: string): boolean | null | undefined {
    const value = this.raw(column);
    if (value === null || value === undefined) return value;
    const flag = parseYesNo(value);
    if (flag === null) {
      this.report(column, 'invalid_value', `"${value}" is neither yes nor no.`);
      return undefined;
    }
    return flag;
  }

  /** An email address, lower-cased as accounts store them. */
  email(column: string): string | null | undefined {
    const value = this.text(column, 254);
    if (value === null || value === undefined) return value;
    if (!EMAIL.test(value)) {
      this.report(column, 'invalid_email', `"${value}" is not an email address.`);
      return undefined;
    }
    return value.toLowerCase();
  }
}

export interface RowKey {
  reader: RowReader;
  key: string;
  /** Where the error is reported, and how the message names the key. */
  column: string;
  label: string;
}

/** Rows of the table that share a key, reported on every row involved. */
export function reportDuplicates(entries: readonly RowKey[]): Set<number> {
  const byKey = new Map<string, { reader: RowReader; column: string; label: string }[]>();
  for (const entry of entries) {
    const list = byKey.get(entry.key);
    if (list) list.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  const duplicated = new Set<number>();
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const rows = list.map((e) => e.reader.number);
    for (const { reader, column, label } of list) {
      duplicated.add(reader.number);
      reader.report(
        column,
        'duplicate',
        `${label} appears more than once in the file (rows ${rows.join(', ')}).`,
      );
    }
  }
  return duplicated;
}

/**
 * Looks records up by name: the exact name first, then the name in any case when only one
 * record has it. Names that several records share answer 'ambiguous'.
 */
export class NameIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly folded = new Map<string, T[]>();

  constructor(records: readonly T[], name: (record: T) => string) {
    for (const record of records) {
      const key = name(record);
      push(this.exact, key, record);
      push(this.folded, key.toLowerCase(), record);
    }
  }

  find(name: string): { found: T } | { missing: true } | { ambiguous: T[] } {
    const candidates = this.exact.get(name) ?? this.folded.get(name.toLowerCase()) ?? [];
    if (candidates.length === 1) return { found: candidates[0] as T };
    if (candidates.length === 0) return { missing: true };
    return { ambiguous: candidates };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
