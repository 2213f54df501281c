import fs from 'node:fs';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { recordAudit } from '../../platform/audit/audit.js';
import {
  requireOperator,
  requirePermission,
  type PlatformContext,
  type TenantContext,
} from '../../platform/auth/context.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { insertPlatformAudit } from '../operators/operators.repository.js';
import { findSchoolBySlug } from '../schools/schools.repository.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  EXCLUDED_TABLES,
  MANIFEST_ENTRY,
  archiveFileName,
  createSpoolDirectory,
  localMigrationCount,
  removeSpoolDirectory,
  tableEntryName,
  type ArchivedTable,
  type Manifest,
} from './school-archive.js';
import {
  catalogQuery,
  describeTenantTables,
  findSchoolById,
  readRowBatch,
  type TenantTable,
} from './school-transfer.repository.js';
import { orderForInsert } from './table-order.js';
import { tarEnd, tarHeader, tarPadding } from './tar.js';

const EXPORT_BATCH_ROWS = 1000;

export interface SchoolArchive {
  manifest: Manifest;
  /** `<slug>-<date>.tar.gz` */
  fileName: string;
  /** The gzipped tar; reading it to the end (or destroying it) removes the spooled rows. */
  stream: Readable;
}

export interface ExportOptions {
  /** Runs inside the snapshot transaction once every row is read, and commits with it. */
  withinSnapshot?: (tx: Tx, manifest: Manifest) => Promise<void>;
}

function spoolFile(dir: string, index: number): string {
  return path.join(dir, `${index}.jsonl`);
}

async function spoolTable(tx: Tx, table: TenantTable, schoolId: string, file: string) {
  const handle = await fs.promises.open(file, 'w');
  let rows = 0;
  try {
    let after: string[] | null = null;
    for (;;) {
      const batch = await readRowBatch(tx, table, schoolId, after, EXPORT_BATCH_ROWS);
      if (batch.lines.length > 0) await handle.write(`${batch.lines.join('\n')}\n`);
      rows += batch.lines.length;
      if (batch.lines.length < EXPORT_BATCH_ROWS) return rows;
      after = batch.lastKey;
    }
  } finally {
    await handle.close();
  }
}

function packArchive(dir: string, manifest: Manifest, mtime: Date): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    yield tarHeader(MANIFEST_ENTRY, manifestBytes.length, mtime);
    yield manifestBytes;
    yield tarPadding(manifestBytes.length);
    for (const [index, table] of manifest.tables.entries()) {
      const file = spoolFile(dir, index);
      const { size } = await fs.promises.stat(file);
      yield tarHeader(tableEntryName(table.name), size, mtime);
      for await (const chunk of fs.createReadStream(file)) yield chunk as Buffer;
      yield tarPadding(size);
    }
    yield tarEnd();
  }
  const gzip = createGzip();
  gzip.once('close', () => {
    removeSpoolDirectory(dir).catch(() => undefined);
  });
  // Errors reach the reader of `gzip`, which pipeline destroys with them.
  pipeline(Readable.from(chunks()), gzip, () => undefined);
  return gzip;
}

/**
 * Writes one school into an archive. Every tenant table the catalog lists (except the
 * excluded ones) is read inside ONE withTenant transaction, so the archive is a consistent
 * snapshot and row-level security guarantees that only this school's rows are in it. Rows are
 * read in primary-key batches and spooled to a private temporary directory; the archive is
 * streamed from there after the transaction has ended.
 */
export async function exportSchoolArchive(
  db: Database,
  schoolId: string,
  options: ExportOptions = {},
): Promise<SchoolArchive> {
  const school = await db.withPlatform((tx) => findSchoolById(tx, schoolId));
  if (!school) throw new AppError('NOT_FOUND', 'No such school.');
  const migrations = await localMigrationCount();
  const createdAt = new Date();
  const dir = await createSpoolDirectory('export');
  try {
    const manifest = await db.withTenant(school.id, async (tx) => {
      const tables: ArchivedTable[] = [];
      for (const table of orderForInsert(await describeTenantTables(catalogQuery(tx)))) {
        if (EXCLUDED_TABLES.includes(table.name)) continue;
        tableEntryName(table.name); // refuses, before any work, a name the format cannot carry
        const rowCount = await spoolTable(tx, table, school.id, spoolFile(dir, tables.length));
        const columns = table.columns
          .filter((c) => !c.generated && c.name !== 'school_id')
          .map((c) => c.name);
        tables.push({ name: table.name, rowCount, columns });
      }
      const built: Manifest = {
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        createdAt: createdAt.toISOString(),
        migrations,
        school: {
          id: school.id,
          slug: school.slug,
          name: school.name,
          locale: school.locale,
          timezone: school.timezone,
          branding: { primaryColor: school.primaryColor, logoUrl: school.logoUrl },
          planId: school.planId,
        },
        tables,
        excluded: [...EXCLUDED_TABLES],
      };
      await options.withinSnapshot?.(tx, built);
      return built;
    });
    return {
      manifest,
      fileName: archiveFileName(school.slug, createdAt),
      stream: packArchive(dir, manifest, createdAt),
    };
  } catch (error) {
    await removeSpoolDirectory(dir);
    throw error;
  }
}

function summary(manifest: Manifest) {
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, t) => sum + t.rowCount, 0),
  };
}

async function recordPlatformExport(
  db: Database,
  archive: SchoolArchive,
  who: { operatorId: string | null; operatorEmail: string | null; requestId: string | null },
  by: string,
): Promise<void> {
  try {
    await db.withPlatform((tx) =>
      insertPlatformAudit(tx, {
        id: newId(),
        operatorId: who.operatorId,
        operatorEmail: who.operatorEmail,
        action: 'school.exported',
        targetSchoolId: archive.manifest.school.id,
        targetSchoolSlug: archive.manifest.school.slug,
        details: { by, fileName: archive.fileName, ...summary(archive.manifest) },
        requestId: who.requestId,
      }),
    );
  } catch (error) {
    archive.stream.destroy();
    throw error;
  }
}

/** An operator downloads a school from the console; the platform trail records it. */
export async function exportSchoolForOperator(
  ctx: PlatformContext,
  unverifiedSchoolId: string,
): Promise<SchoolArchive> {
  const operator = requireOperator(ctx);
  const archive = await exportSchoolArchive(ctx.services.db, unverifiedSchoolId);
  await recordPlatformExport(
    ctx.services.db,
    archive,
    { operatorId: operator.operatorId, operatorEmail: operator.email, requestId: ctx.requestId },
    'console',
  );
  return archive;
}

/** `npm run school:export`: whoever runs it on the server is trusted like an operator. */
export async function exportSchoolFromCommandLine(
  db: Database,
  slug: string,
): Promise<SchoolArchive> {
  const school = await db.withPlatform((tx) => findSchoolBySlug(tx, slug));
  if (!school) throw new AppError('NOT_FOUND', `No school has the address ${slug}.`);
  const archive = await exportSchoolArchive(db, school.id);
  await recordPlatformExport(
    db,
    archive,
    { operatorId: null, operatorEmail: null, requestId: null },
    'command line',
  );
  return archive;
}

/** A school's admin downloads their own school; its audit trail records it in the snapshot. */
export async function exportOwnSchool(ctx: TenantContext): Promise<SchoolArchive> {
  requirePermission(ctx, 'exports:manage');
  return exportSchoolArchive(ctx.services.db, ctx.schoolId, {
    withinSnapshot: (tx, manifest) =>
      recordAudit(tx, ctx, {
        action: 'school.exported',
        entityType: 'school',
        entityId: ctx.schoolId,
        after: summary(manifest),
      }),
  });
}
