import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { NameIndex, parseCalendarDate, parseYesNo } from './cells.js';
import {
  decodeCsv,
  normaliseColumnName,
  readCell,
  readCsv,
  writeCell,
  writeCsv,
} from './csv-file.js';
import { Issues } from './issues.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('decodeCsv', () => {
  it('drops a byte order mark and keeps Arabic text', () => {
    const text = decodeCsv(Buffer.from('\uFEFFfirst_name\nنورة\n', 'utf8'));
    expect(text).toBe('first_name\nنورة\n');
  });

  it('names the line holding bytes that are not UTF-8', () => {
    const body = Buffer.concat([Buffer.from('a\nb\nc'), Buffer.from([0xff]), Buffer.from('\nd')]);
    const error = refusal(() => decodeCsv(body));
    expect(error.code).toBe('INVALID_CSV');
    expect(error.message).toContain('line 3');
  });

  it('refuses an empty body', () => {
    expect(refusal(() => decodeCsv(Buffer.alloc(0))).code).toBe('INVALID_CSV');
    expect(refusal(() => decodeCsv(undefined)).code).toBe('INVALID_CSV');
  });
});

describe('readCsv', () => {
  it('reads headers in any case and order, multi-line cells and trailing commas', () => {
    const issues = new Issues();
    const table = readCsv(
      Buffer.from('Last Name,ADMISSION_NUMBER,first-name\r\n"Ng\r\nJr",S-1, Ana ,,\r\n\r\n'),
      'students',
      issues,
    );
    expect(issues.count).toBe(0);
    expect(table.headerValid).toBe(true);
    expect([...table.columns].sort()).toEqual(['admission_number', 'first_name', 'last_name']);
    expect(table.rows).toEqual([
      { row: 1, cells: { last_name: 'Ng\r\nJr', admission_number: 'S-1', first_name: 'Ana' } },
    ]);
  });

  it('refuses a file without a header line', () => {
    expect(refusal(() => readCsv(Buffer.from('\n\n'), 'staff', new Issues())).code).toBe(
      'INVALID_CSV',
    );
  });
});

describe('cells', () => {
  it('accepts real calendar dates written YYYY-MM-DD only', () => {
    expect(parseCalendarDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '14/03/2019', '2024-1-5', '1850-01-01']) {
      expect(parseCalendarDate(bad)).toBeNull();
    }
  });

  it('reads yes and no in their usual spellings', () => {
    expect(['Yes', 'y', 'TRUE', '1'].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['no', 'N', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('maybe')).toBeNull();
  });

  it('normalises column names', () => {
    expect(normaliseColumnName(' Date of Birth ')).toBe('date_of_birth');
    expect(normaliseColumnName('\uFEFFportal-access')).toBe('portal_access');
  });

  it('guards formula cells on export and restores them on import', () => {
    for (const value of ['=1+1', '+971 50 111 0001', '-5', '@SUM(A1)']) {
      expect(writeCell(value)).toBe(`'${value}`);
      expect(readCell(writeCell(value))).toBe(value);
    }
    expect(writeCell("O'Brien")).toBe("O'Brien");
    expect(readCell("'quoted")).toBe("'quoted");
  });

  it('writes exports with a byte order mark, CRLF and the kind’s columns', () => {
    const text = writeCsv('enrollments', [
      { admission_number: 'S-1', class: 'Maths, set 1', term: 'Term 1', year: '', starts_on: '' },
    ]).toString('utf8');
    expect(text).toBe(
      '\uFEFFadmission_number,class,term,year,starts_on\r\nS-1,"Maths, set 1",Term 1,,\r\n',
    );
  });

  it('finds names exactly first, then in any case, and reports shared names', () => {
    const index = new NameIndex(
      [
        { id: 1, name: 'Grade 1' },
        { id: 2, name: 'grade 1' },
        { id: 3, name: 'Grade 2' },
      ],
      (r) => r.name,
    );
    expect(index.find('grade 1')).toEqual({ found: { id: 2, name: 'grade 1' } });
    expect(index.find('GRADE 2')).toEqual({ found: { id: 3, name: 'Grade 2' } });
    expect(index.find('GRADE 1')).toHaveProperty('ambiguous');
    expect(index.find('Grade 3')).toEqual({ missing: true });
  });
});
