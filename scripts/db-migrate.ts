// Applies pending migrations without starting the server: to PostgreSQL when DATABASE_URL
// (or DATABASE_MIGRATION_URL) is set, otherwise to the embedded database in DATA_DIR.
import { loadConfig } from '../src/server/config.js';
import { migratePostgres } from '../src/server/platform/db/database.js';
import { openEmbedded } from '../src/server/platform/db/embedded.js';

const config = loadConfig();
const url = config.databaseMigrationUrl ?? config.databaseUrl;
if (url) {
  await migratePostgres(url);
  process.stdout.write('PostgreSQL schema is up to date.\n');
} else {
  const db = await openEmbedded(config.dataDir);
  await db.close();
  process.stdout.write(`Embedded database in ${config.dataDir} is up to date.\n`);
}
