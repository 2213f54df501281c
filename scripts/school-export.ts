// `npm run school:export -- --slug greenwood [--out greenwood.tar.gz]`
// Writes one school's archive (docs/decisions/010-school-archives.md) to a file. Works on the
// embedded database in DATA_DIR (stop the server first: it holds the directory) or on
// PostgreSQL through DATABASE_URL.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.js';
import { exportSchoolFromCommandLine } from '../src/server/modules/school-transfer/school-export.service.js';
import type { Database } from '../src/server/platform/db/database.js';
import { DataDirLockedError } from '../src/server/platform/db/embedded.js';
import { openDatabase } from '../src/server/platform/db/open-database.js';
import { AppError } from '../src/server/platform/errors/app-error.js';

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!values.slug) {
  process.stderr.write('Usage: npm run school:export -- --slug <slug> [--out <file.tar.gz>]\n');
  process.exit(2);
}

const config = loadConfig();
let db: Database;
try {
  db = await openDatabase(config);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(
      `${error.message}\nThe running server keeps the embedded database locked: stop it, run this ` +
        'command, then start the server again (or use PostgreSQL through DATABASE_URL).\n',
    );
    process.exit(1);
  }
  throw error;
}

try {
  const archive = await exportSchoolFromCommandLine(db, values.slug.trim().toLowerCase());
  const out = values.out ?? archive.fileName;
  await pipeline(archive.stream, fs.createWriteStream(out, { mode: 0o600 }));
  const rows = archive.manifest.tables.reduce((sum, t) => sum + t.rowCount, 0);
  process.stdout.write(
    `Exported ${archive.manifest.school.slug}: ${archive.manifest.tables.length} tables, ` +
      `${rows} rows, to ${out}.\nThe archive holds personal data and password hashes: keep it safe.\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  if (!(error instanceof AppError)) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
