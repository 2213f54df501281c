import { describe, expect, it } from 'vitest';

import { csvCell, errorsCsv } from './errors-csv';

describe('csvCell', () => {
  it('quotes cells holding commas, quotes or line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-5')).toBe("'-5");
  });
});

describe('errorsCsv', () => {
  it('writes a header and one line per problem, with an empty column for whole rows', () => {
    const csv = errorsCsv(
      [
        {
          row: 2,
          column: 'date_of_birth',
          code: 'date',
          message: 'is not a date, like 2015-09-01',
        },
        { row: 0, column: null, code: 'header', message: 'lacks the column last_name' },
      ],
      { row: 'Row', column: 'Column', message: 'Problem' },
    );
    expect(csv).toBe(
      'Row,Column,Problem\r\n' +
        '2,date_of_birth,"is not a date, like 2015-09-01"\r\n' +
        '0,,lacks the column last_name\r\n',
    );
  });
});
