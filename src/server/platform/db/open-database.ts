import type { Config } from '../../config.js';
import type { Database } from './database.js';
import { openPostgres } from './database.js';
import { openEmbedded } from './embedded.js';

/** PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in DATA_DIR. Migrates first. */
export async function openDatabase(
  config: Config,
  onPoolError?: (error: Error) => void,
): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres({
      url: config.databaseUrl,
      migrationUrl: config.databaseMigrationUrl,
      poolMax: config.dbPoolMax,
      statementTimeoutMs: config.dbStatementTimeoutMs,
      preparedStatements: config.dbPreparedStatements,
      ...(onPoolError ? { onPoolError } : {}),
    });
  }
  return openEmbedded(config.dataDir);
}
