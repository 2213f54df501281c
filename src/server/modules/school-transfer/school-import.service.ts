import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Value } from '@sinclair/typebox/value';
import { checkSlug } from '../../../shared/slug.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { insertPlatformAudit } from '../operators/operators.repository.js';
import { defaultPlan, listPlans } from '../schools/plans.service.js';
import { findSchoolBySlug, insertSchool } from '../schools/schools.repository.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  EXCLUDED_TABLES,
  MANIFEST_ENTRY,
  ManifestSchema,
  createSpoolDirectory,
  localMigrationCount,
  removeSpoolDirectory,
  tableEntryName,
  tableOfEntry,
  type Manifest,
} from './school-archive.js';
import {
  catalogQuery,
  deleteSchoolRow,
  describeTenantTables,
  insertRowBatch,
  insertStatusHistory,
  type TenantTable,
} from './school-transfer.repository.js';
import { orderForInsert } from './table-order.js';
import { readTar, TarFormatError, type TarEntrySink } from './tar.js';

const IMPORT_BATCH_ROWS = 500;
const IMPORT_BATCH_CHARS = 4 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface ImportOptions {
  /** The new school's address; normalised (trimmed, lower case) and checked with checkSlug. */
  slug: string;
  /** Defaults to the name in the archive. */
  name?: string | undefined;
  /** Names reserved by this deployment besides the built-in ones (its platform subdomain). */
  reservedSlugs?: Iterable<string>;
}

export interface ImportedSchool {
  id: string;
  slug: string;
  name: string;
  planId: string;
  tables: { name: string; rowCount: number }[];
}

interface PlannedTable {
  name: string;
  columns: string[];
  rowCount: number;
  file: string;
  selfReferencing: boolean;
}

function invalidArchive(problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `The archive cannot be imported: ${problem}.`);
}

function slugTaken(slug: string): AppError {
  return new AppError('CONFLICT', `The address ${slug} is taken by another school.`, [
    { field: 'slug', code: 'taken', message: 'is already taken' },
  ]);
}

/** The PostgreSQL error behind a (possibly wrapped) driver error. */
function databaseError(error: unknown): { code: string; message: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, message: String(candidate.message) };
    }
    current = candidate.cause;
  }
  return null;
}

/** Data and constraint errors mean the archive's rows are wrong, not that the server is. */
function refusedByDatabase(error: unknown, what: string): unknown {
  const pg = databaseError(error);
  if (pg && /^(22|23)/.test(pg.code)) {
    return invalidArchive(`the database refused ${what} (${pg.message})`);
  }
  return error;
}

async function unpackArchive(
  archive: Buffer | Readable,
  dir: string,
): Promise<{ manifestText: string | null; files: Map<string, string> }> {
  const source = Buffer.isBuffer(archive) ? Readable.from([archive]) : archive;
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let manifestText: string | null = null;
  const files = new Map<string, string>();
  let open: FileHandle | null = null;
  try {
    await readTar(gunzip, async (entry): Promise<TarEntrySink> => {
      if (entry.name === MANIFEST_ENTRY) {
        if (manifestText !== null) throw invalidArchive('it holds manifest.json twice');
        if (entry.size > MAX_MANIFEST_BYTES) throw invalidArchive('manifest.json is too large');
        const parts: Buffer[] = [];
        return {
          write: (chunk) => void parts.push(chunk),
          end: () => {
            manifestText = Buffer.concat(parts).toString('utf8');
          },
        };
      }
      const table = tableOfEntry(entry.name);
      if (!table) throw invalidArchive(`it holds an unexpected entry ${entry.name}`);
      if (files.has(table)) throw invalidArchive(`it holds ${entry.name} twice`);
      const file = path.join(dir, `${files.size}.jsonl`);
      files.set(table, file);
      const handle = await fs.promises.open(file, 'w');
      open = handle;
      return {
        write: async (chunk) => {
          await handle.write(chunk);
        },
        end: async () => {
          open = null;
          await handle.close();
        },
      };
    });
  } catch (error) {
    if (error instanceof TarFormatError) throw invalidArchive(error.message);
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw invalidArchive(
        `it is not a gzip file or it is cut short (${(error as Error).message})`,
      );
    }
    throw error;
  } finally {
    source.unpipe(gunzip);
    source.destroy();
    gunzip.destroy();
    await (open as FileHandle | null)?.close().catch(() => undefined);
  }
  return { manifestText, files };
}

async function checkManifest(text: string | null): Promise<Manifest> {
  if (text === null) throw invalidArchive('it has no manifest.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidArchive('manifest.json is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidArchive('manifest.json is not a JSON object');
  }
  const { format, version } = parsed as { format?: unknown; version?: unknown };
  if (format !== ARCHIVE_FORMAT) {
    throw invalidArchive(`it is not a school archive (format ${JSON.stringify(format)})`);
  }
  if (version !== ARCHIVE_VERSION) {
    throw invalidArchive(
      `archive version ${JSON.stringify(version)} is not supported (this deployment reads version ${ARCHIVE_VERSION})`,
    );
  }
  if (!Value.Check(ManifestSchema, parsed)) {
    const first = Value.Errors(ManifestSchema, parsed).First();
    throw invalidArchive(
      `manifest.json does not match the format (${first ? `${first.path || '/'}: ${first.message}` : 'invalid'})`,
    );
  }
  const local = await localMigrationCount();
  if (parsed.migrations > local) {
    throw invalidArchive(
      `it comes from a newer schema (${parsed.migrations} migrations; this deployment has ${local}), so upgrade this deployment first`,
    );
  }
  return parsed;
}

/** Matches the archive against this deployment's tenant tables (given in insert order). */
function planImport(
  manifest: Manifest,
  catalog: TenantTable[],
  files: Map<string, string>,
): PlannedTable[] {
  const targets = new Map(catalog.map((t) => [t.name, t]));
  const listed = new Map<string, PlannedTable>();
  for (const table of manifest.tables) {
    if (listed.has(table.name)) throw invalidArchive(`manifest.json lists ${table.name} twice`);
    if (EXCLUDED_TABLES.includes(table.name)) {
      throw invalidArchive(`table ${table.name} holds credentials, which are never imported`);
    }
    const target = targets.get(table.name);
    if (!target) throw invalidArchive(`unknown table ${table.name}`);
    const file = files.get(table.name);
    if (!file) throw invalidArchive(`manifest.json lists ${table.name} but the archive lacks it`);
    const insertable = new Map(
      target.columns.filter((c) => !c.generated && c.name !== 'school_id').map((c) => [c.name, c]),
    );
    const given = new Set<string>();
    for (const column of table.columns) {
      if (given.has(column)) throw invalidArchive(`column ${table.name}.${column} appears twice`);
      if (!insertable.has(column)) throw invalidArchive(`unknown column ${table.name}.${column}`);
      given.add(column);
    }
    for (const column of insertable.values()) {
      if (table.rowCount > 0 && column.notNull && !column.hasDefault && !given.has(column.name)) {
        throw invalidArchive(`table ${table.name} lacks column ${column.name}, which is required`);
      }
    }
    listed.set(table.name, {
      name: table.name,
      columns: table.columns,
      rowCount: table.rowCount,
      file,
      selfReferencing: target.selfReferencing,
    });
  }
  for (const table of files.keys()) {
    if (listed.has(table)) continue;
    if (EXCLUDED_TABLES.includes(table)) {
      throw invalidArchive(`table ${table} holds credentials, which are never imported`);
    }
    throw invalidArchive(
      targets.has(table)
        ? `${tableEntryName(table)} is not listed in manifest.json`
        : `unknown table ${table}`,
    );
  }
  return catalog.flatMap((t) => listed.get(t.name) ?? []);
}

function checkRow(line: string, columns: ReadonlySet<string>, where: string): void {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw invalidArchive(`${where} is not valid JSON`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw invalidArchive(`${where} is not a JSON object`);
  }
  for (const key of Object.keys(row)) {
    if (!columns.has(key)) throw invalidArchive(`${where} has unknown column ${key}`);
  }
}

async function insertTable(tx: Tx, schoolId: string, table: PlannedTable): Promise<void> {
  const entry = tableEntryName(table.name);
  const columns = new Set(table.columns);
  let batch: string[] = [];
  let chars = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await insertRowBatch(tx, table.name, table.columns, schoolId, `[${batch.join(',')}]`);
    } catch (error) {
      throw refusedByDatabase(error, `rows of ${table.name}`);
    }
    batch = [];
    chars = 0;
  };
  const lines = readline.createInterface({
    input: fs.createReadStream(table.file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  try {
    for await (const line of lines) {
      rows += 1;
      checkRow(line, columns, `${entry} line ${rows}`);
      batch.push(line);
      chars += line.length;
      // A table that references itself goes in as one statement: PostgreSQL checks its
      // foreign keys at the end of the statement, so rows may come in any order.
      const full = batch.length >= IMPORT_BATCH_ROWS || chars >= IMPORT_BATCH_CHARS;
      if (full && !table.selfReferencing) await flush();
    }
  } finally {
    lines.close();
  }
  await flush();
  if (rows !== table.rowCount) {
    throw invalidArchive(`${entry} has ${rows} rows but manifest.json says ${table.rowCount}`);
  }
}

/**
 * Creates a NEW school from an archive: a new id, status active, the given slug, the archive's
 * plan when this deployment has it (else the default plan), and every row of the archive with
 * school_id set to the new school, ids kept. Two transactions: the school row (withPlatform),
 * then all tenant rows in foreign-key order (ONE withTenant). If the second fails, the school
 * row is deleted again, so a failed import leaves nothing behind.
 */
export async function importSchoolArchive(
  db: Database,
  archive: Buffer | Readable,
  options: ImportOptions,
): Promise<ImportedSchool> {
  const slug = options.slug.trim().toLowerCase();
  const slugCheck = checkSlug(slug, options.reservedSlugs);
  if (!slugCheck.ok) {
    throw new AppError('VALIDATION_FAILED', `The address ${slug} cannot be used.`, [
      { field: 'slug', code: slugCheck.problem, message: slugCheck.problem.replace(/_/g, ' ') },
    ]);
  }
  if (await db.withPlatform((tx) => findSchoolBySlug(tx, slug))) throw slugTaken(slug);

  const dir = await createSpoolDirectory('import');
  try {
    const { manifestText, files } = await unpackArchive(archive, dir);
    const manifest = await checkManifest(manifestText);
    const catalog = orderForInsert(
      await db.withPlatform((tx) => describeTenantTables(catalogQuery(tx))),
    );
    const plan = planImport(manifest, catalog, files);
    const name = (options.name ?? manifest.school.name).trim();
    if (name.length < 1 || name.length > 200) {
      throw new AppError('VALIDATION_FAILED', 'The school name must have 1 to 200 characters.', [
        { field: 'name', code: 'length', message: 'must have 1 to 200 characters' },
      ]);
    }

    const school = await db
      .withPlatform(async (tx) => {
        if (await findSchoolBySlug(tx, slug)) throw slugTaken(slug);
        const planRow =
          (await listPlans(tx)).find((p) => p.id === manifest.school.planId) ??
          (await defaultPlan(tx));
        const row = await insertSchool(tx, {
          id: newId(),
          slug,
          name,
          status: 'active',
          planId: planRow.id,
          locale: manifest.school.locale,
          timezone: manifest.school.timezone,
          primaryColor: manifest.school.branding.primaryColor,
          logoUrl: manifest.school.branding.logoUrl,
        });
        await insertStatusHistory(tx, {
          id: newId(),
          ownerSchoolId: row.id,
          fromStatus: null,
          toStatus: 'active',
          reason: 'imported from an archive',
        });
        return row;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'schools_slug_key')) throw slugTaken(slug);
        throw refusedByDatabase(error, 'the school settings in manifest.json');
      });

    try {
      await db.withTenant(school.id, async (tx) => {
        for (const table of plan) await insertTable(tx, school.id, table);
      });
    } catch (error) {
      // The tenant transaction rolled back, so the school has no rows left to hold it.
      const cleanupFailure = await db
        .withPlatform((tx) => deleteSchoolRow(tx, school.id))
        .then(
          () => null,
          (failure: unknown) => failure,
        );
      if (cleanupFailure) {
        throw new AggregateError(
          [error, cleanupFailure],
          `The import failed and its school ${school.slug} (${school.id}) could not be removed; delete it by hand.`,
          { cause: error },
        );
      }
      throw error;
    }

    const tables = plan.map((t) => ({ name: t.name, rowCount: t.rowCount }));
    await db.withPlatform((tx) =>
      insertPlatformAudit(tx, {
        id: newId(),
        action: 'school.imported',
        targetSchoolId: school.id,
        targetSchoolSlug: school.slug,
        details: {
          sourceSchoolId: manifest.school.id,
          sourceSlug: manifest.school.slug,
          archiveCreatedAt: manifest.createdAt,
          rows: tables.reduce((sum, t) => sum + t.rowCount, 0),
        },
      }),
    );
    return { id: school.id, slug: school.slug, name: school.name, planId: school.planId, tables };
  } finally {
    await removeSpoolDirectory(dir);
  }
}
