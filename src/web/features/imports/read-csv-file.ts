import { IMPORT_MAX_BYTES } from './import-kinds';

export type CsvFileProblem = 'tooLarge' | 'notUtf8' | 'empty';

export type CsvFileText = { ok: true; text: string } | { ok: false; problem: CsvFileProblem };

/**
 * The chosen file as text. Decoding is strict: a file saved in another encoding would
 * otherwise reach the server with its letters already replaced, and import wrong names.
 */
export async function readCsvFile(file: Blob): Promise<CsvFileText> {
  if (file.size > IMPORT_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  if (file.size === 0) return { ok: false, problem: 'empty' };
  const bytes = await file.arrayBuffer();
  try {
    // The decoder drops a leading byte order mark, which spreadsheets like to add.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'notUtf8' };
  }
}
