import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Database } from '../db/database.js';

/**
 * The key that signs short-lived form tokens. APP_SECRET when configured; otherwise one is
 * generated on first start and kept in the platform database, so every node of a deployment
 * shares it without configuration.
 */
export async function loadAppSecret(db: Database, config: Config): Promise<string> {
  if (config.appSecret) return config.appSecret;
  return db.withPlatform(async (tx) => {
    const candidate = randomBytes(32).toString('base64url');
    await tx.execute(
      sql`insert into platform_secrets (key, value) values ('app-secret', ${candidate}) on conflict (key) do nothing`,
    );
    const rows = await tx.execute<{ value: string }>(
      sql`select value from platform_secrets where key = 'app-secret'`,
    );
    const value = rows.rows[0]?.value;
    if (!value) throw new Error('could not load the application secret');
    return value;
  });
}
