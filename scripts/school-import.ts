// `npm run school:import -- --file greenwood.tar.gz --slug greenwood-copy [--name "Greenwood copy"]`
// Creates a new school from an archive written by school:export or the export endpoints. Works
// on the embedded database in DATA_DIR (stop the server first: it holds the directory) or on
// PostgreSQL through DATABASE_URL.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.js';
import { importSchoolArchive } from '../src/server/modules/school-transfer/school-import.service.js';
import type { Database } from '../src/server/platform/db/database.js';
import { DataDirLockedError } from '../src/server/platform/db/embedded.js';
import { openDatabase } from '../src/server/platform/db/open-database.js';
import { AppError } from '../src/server/platform/errors/app-error.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    slug: { type: 'string' },
    name: { type: 'string' },
  },
});
if (!values.file || !values.slug) {
  process.stderr.write(
    'Usage: npm run school:import -- --file <archive.tar.gz> --slug <new-slug> [--name <name>]\n',
  );
  process.exit(2);
}
if (!fs.existsSync(values.file)) {
  process.stderr.write(`There is no file ${values.file}.\n`);
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
  const school = await importSchoolArchive(db, fs.createReadStream(values.file), {
    slug: values.slug,
    name: values.name,
    reservedSlugs: [config.hosts.platformSubdomain],
  });
  const rows = school.tables.reduce((sum, t) => sum + t.rowCount, 0);
  process.stdout.write(
    `Created school ${school.slug} (${school.name}, id ${school.id}, plan ${school.planId}) ` +
      `with ${rows} rows in ${school.tables.length} tables.\n` +
      'Sessions and one-time links are not copied: everyone signs in again.\n',
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  if (error instanceof AppError) {
    for (const detail of error.details ?? []) {
      process.stderr.write(`  ${detail.field ?? ''} ${detail.message}\n`);
    }
  } else {
    process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  }
  process.exitCode = 1;
} finally {
  await db.close();
}
