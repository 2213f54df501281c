import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { MIGRATIONS_FOLDER } from '../../platform/db/database.js';

// The school archive format, version 1 (docs/decisions/010-school-archives.md): a gzipped tar
// holding manifest.json first, then tables/<table>.jsonl for every exported tenant table, in
// foreign-key order, one JSON object per row with the database's snake_case column names and
// without school_id.

export const ARCHIVE_FORMAT = 'schoolhouse-school-archive';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

/**
 * Tenant tables whose rows never leave the deployment: session and one-time token hashes are
 * credentials. An archive that carries them is refused on import.
 */
export const EXCLUDED_TABLES: readonly string[] = ['sessions', 'user_tokens'];

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function tableEntryName(table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`cannot archive a table named ${table}`);
  return `tables/${table}.jsonl`;
}

/** The table an archive entry holds, or null when the entry is not a table file. */
export function tableOfEntry(entryName: string): string | null {
  const match = /^tables\/([^/]+)\.jsonl$/.exec(entryName);
  return match?.[1] && TABLE_NAME.test(match[1]) ? match[1] : null;
}

export const ArchivedTableSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  rowCount: Type.Integer({ minimum: 0 }),
  columns: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
});
export type ArchivedTable = Static<typeof ArchivedTableSchema>;

export const ManifestSchema = Type.Object({
  format: Type.Literal(ARCHIVE_FORMAT),
  version: Type.Literal(ARCHIVE_VERSION),
  createdAt: Type.String({ minLength: 1 }),
  /** How many migrations the source deployment had; a newer archive is refused. */
  migrations: Type.Integer({ minimum: 0 }),
  school: Type.Object({
    id: Type.String({ minLength: 1 }),
    slug: Type.String({ minLength: 1 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    locale: Type.String({ minLength: 1 }),
    timezone: Type.String({ minLength: 1 }),
    branding: Type.Object({
      primaryColor: Type.String({ minLength: 1 }),
      logoUrl: Type.Union([Type.String(), Type.Null()]),
    }),
    planId: Type.String({ minLength: 1 }),
  }),
  tables: Type.Array(ArchivedTableSchema),
  excluded: Type.Array(Type.String()),
});
export type Manifest = Static<typeof ManifestSchema>;

let migrationCount: Promise<number> | null = null;

/** The number of migrations this build ships (db/migrations/meta/_journal.json). */
export function localMigrationCount(): Promise<number> {
  migrationCount ??= fs
    .readFile(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')
    .then((text) => {
      const journal = JSON.parse(text) as { entries?: unknown };
      if (!Array.isArray(journal.entries)) throw new Error('the migration journal has no entries');
      return journal.entries.length;
    });
  return migrationCount;
}

/** `<slug>-<yyyy-mm-dd>.tar.gz`, the name offered for download. */
export function archiveFileName(slug: string, createdAt: Date): string {
  return `${slug}-${createdAt.toISOString().slice(0, 10)}.tar.gz`;
}

/** A private scratch directory; rows are spooled to disk instead of held in memory. */
export function createSpoolDirectory(purpose: 'export' | 'import'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `schoolhouse-${purpose}-`));
}

export async function removeSpoolDirectory(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}
