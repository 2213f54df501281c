import type { ImportKind, ImportResult } from '../../../shared/contracts/imports.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/errors/app-error.js';
import { schoolToday } from '../enrollment/school-date.js';
import { classesImport } from './classes.import.js';
import { readCsv, writeCsv, type CsvTable } from './csv-file.js';
import { enrollmentsImport } from './enrollments.import.js';
import { guardiansImport } from './guardians.import.js';
import type { KindImporter, PlannedImport } from './import-kind.js';
import { lockImports } from './imports.repository.js';
import { Issues } from './issues.js';
import { staffImport } from './staff.import.js';
import { studentsImport } from './students.import.js';

const IMPORTERS: Record<ImportKind, KindImporter> = {
  students: studentsImport,
  guardians: guardiansImport,
  staff: staffImport,
  classes: classesImport,
  enrollments: enrollmentsImport,
};

async function plan(
  ctx: TenantContext,
  tx: Tx,
  kind: ImportKind,
  table: CsvTable,
  issues: Issues,
): Promise<PlannedImport> {
  // Rows are only read against a header that says what their cells are.
  if (!table.headerValid) {
    return { summary: { created: 0, updated: 0, unchanged: 0 }, apply: async () => undefined };
  }
  return IMPORTERS[kind].plan({ ctx, tx, today: schoolToday(ctx.school.timezone) }, table, issues);
}

function result(
  kind: ImportKind,
  table: CsvTable,
  issues: Issues,
  planned: PlannedImport,
): ImportResult {
  return {
    kind,
    rows: table.rows.length,
    valid: issues.count === 0,
    errors: issues.list(),
    errorCount: issues.count,
    summary: planned.summary,
  };
}

/** What the file would do, with every problem by row and column; writes nothing. */
export async function previewImport(
  ctx: TenantContext,
  kind: ImportKind,
  body: Buffer | undefined,
): Promise<ImportResult> {
  requirePermission(ctx, 'imports:manage');
  const issues = new Issues();
  const table = readCsv(body, kind, issues);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) =>
    result(kind, table, issues, await plan(ctx, tx, kind, table, issues)),
  );
}

/**
 * Checks the file again and, only if it has no problem at all, applies every row in one
 * transaction: the whole file is imported or none of it.
 */
export async function commitImport(
  ctx: TenantContext,
  kind: ImportKind,
  body: Buffer | undefined,
): Promise<ImportResult> {
  requirePermission(ctx, 'imports:manage');
  const issues = new Issues();
  const table = readCsv(body, kind, issues);
  return ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await lockImports(tx, ctx.schoolId);
      const planned = await plan(ctx, tx, kind, table, issues);
      if (issues.count > 0) {
        throw new AppError(
          'IMPORT_INVALID',
          `The file has ${issues.count} ${issues.count === 1 ? 'problem' : 'problems'}; ` +
            'nothing was imported.',
          issues.list(),
        );
      }
      await planned.apply();
      const { summary } = planned;
      await recordAudit(tx, ctx, {
        action: 'import.committed',
        entityType: 'import',
        after: { kind, ...summary, rows: table.rows.length },
      });
      return result(kind, table, issues, planned);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw new AppError(
          'CONFLICT',
          'Someone changed the same records while the file was imported; nothing was ' +
            'imported. Preview the file again.',
        );
      }
      throw error;
    });
}

/** The school's records of one kind as CSV, in the columns the importer reads. */
export async function exportRecords(
  ctx: TenantContext,
  kind: ImportKind,
): Promise<{ fileName: string; body: Buffer }> {
  requirePermission(ctx, 'imports:manage');
  const records = await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const records = await IMPORTERS[kind].exportRecords(tx);
    // Exports carry personal data, so each one leaves a trace.
    await recordAudit(tx, ctx, {
      action: 'import.exported',
      entityType: 'import',
      after: { kind, rows: records.length },
    });
    return records;
  });
  return {
    fileName: `${ctx.school.slug}-${kind}-${schoolToday(ctx.school.timezone)}.csv`,
    body: writeCsv(kind, records),
  };
}
