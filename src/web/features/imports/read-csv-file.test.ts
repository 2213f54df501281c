import { describe, expect, it } from 'vitest';

import { IMPORT_MAX_BYTES } from './import-kinds';
import { readCsvFile } from './read-csv-file';

describe('readCsvFile', () => {
  it('reads UTF-8 text, Arabic included, without the byte order mark', async () => {
    const file = new Blob(['\uFEFFadmission_number,first_name\nA1,لينا\n']);
    await expect(readCsvFile(file)).resolves.toEqual({
      ok: true,
      text: 'admission_number,first_name\nA1,لينا\n',
    });
  });

  it('refuses a file in another encoding instead of replacing its letters', async () => {
    const latin1 = new Blob([new Uint8Array([0x41, 0x2c, 0xe9, 0x0a])]);
    await expect(readCsvFile(latin1)).resolves.toEqual({ ok: false, problem: 'notUtf8' });
  });

  it('refuses an empty file and one over the size limit', async () => {
    await expect(readCsvFile(new Blob([]))).resolves.toEqual({ ok: false, problem: 'empty' });
    const large = new Blob([new Uint8Array(IMPORT_MAX_BYTES + 1)]);
    await expect(readCsvFile(large)).resolves.toEqual({ ok: false, problem: 'tooLarge' });
  });
});
