import type {
  AcademicYear,
  AcademicYearListQuery,
  CreateAcademicYearBody,
  CreateTermBody,
  Term,
  TermListQuery,
  UpdateAcademicYearBody,
  UpdateTermBody,
} from '../../../shared/contracts/academics.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertNotInUse,
  deleteRefused,
  invalidReferences,
  unknownReference,
  writeRefused,
} from './academics.errors.js';
import { keyset, keysetPage } from './academics.listing.js';
import {
  deleteTerm as deleteTermRow,
  deleteYear,
  findCurrentYear,
  findTerm,
  findYear,
  insertTerm,
  insertYear,
  listTerms as listTermRows,
  listYears,
  lockAllYears,
  termDependents,
  termsOfYear,
  updateTerm as updateTermRow,
  updateYear,
  yearDependents,
  type TermRow,
  type YearRow,
} from './academics.repository.js';
import { academicYears, terms } from './academics.table.js';
import {
  assertDates,
  outsideYearProblems,
  overlapProblems,
  rangeProblems,
  strandedTermProblems,
} from './calendar.rules.js';

// Academic years and their terms. Term dates are checked against the year and its other
// terms while the year row is locked, so concurrent writes to one year's terms take turns.

const yearNotFound = () => new AppError('ACADEMIC_YEAR_NOT_FOUND', 'No such academic year.');
const termNotFound = () => new AppError('TERM_NOT_FOUND', 'No such term.');

const yearConflicts = writeRefused({
  academic_years_school_name_key: { field: 'name', message: 'is already an academic year' },
});
const termConflicts = writeRefused({
  terms_school_year_name_key: { field: 'name', message: 'is already a term of this year' },
});

export function toAcademicYear(row: YearRow): AcademicYear {
  return {
    id: row.id,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    isCurrent: row.isCurrent,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTerm(row: TermRow): Term {
  return {
    id: row.id,
    academicYearId: row.academicYearId,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function yearFields(row: YearRow) {
  return { name: row.name, startsOn: row.startsOn, endsOn: row.endsOn, isCurrent: row.isCurrent };
}

function termFields(row: TermRow) {
  return {
    academicYearId: row.academicYearId,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Academic years

const YEAR_SORTS = {
  startsOn: { column: academicYears.startsOn, kind: 'string' },
  name: { column: academicYears.name, kind: 'string' },
} as const;

export async function listAcademicYears(ctx: TenantContext, query: AcademicYearListQuery) {
  // The structure is not personal data: every scope of academics:read sees all of it.
  requirePermission(ctx, 'academics:read');
  const ks = keyset(query, YEAR_SORTS, 'startsOn');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listYears(tx, ks, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.isCurrent === undefined ? {} : { isCurrent: query.isCurrent }),
    }),
  );
  return keysetPage(rows, ks, toAcademicYear);
}

export async function getAcademicYear(
  ctx: TenantContext,
  unverifiedId: string,
): Promise<AcademicYear> {
  requirePermission(ctx, 'academics:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findYear(tx, unverifiedId));
  if (!row) throw yearNotFound();
  return toAcademicYear(row);
}

export async function createAcademicYear(
  ctx: TenantContext,
  input: CreateAcademicYearBody,
): Promise<AcademicYear> {
  requirePermission(ctx, 'academics:manage');
  assertDates(rangeProblems(input));
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      let previous: YearRow | null = null;
      if (input.isCurrent) {
        await lockAllYears(tx);
        previous = await findCurrentYear(tx);
        if (previous) await updateYear(tx, previous.id, { isCurrent: false });
      }
      const year = await insertYear(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        name: input.name.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        isCurrent: input.isCurrent ?? false,
      });
      await recordAudit(tx, ctx, {
        action: 'academic_year.created',
        entityType: 'academic_year',
        entityId: year.id,
        after: { ...yearFields(year), previousCurrentYearId: previous?.id ?? null },
      });
      return year;
    })
    .catch(currentClash)
    .catch(yearConflicts);
  return toAcademicYear(row);
}

export async function updateAcademicYear(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateAcademicYearBody,
): Promise<AcademicYear> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findYear(tx, unverifiedId, 'update');
      if (!before) throw yearNotFound();
      const range = {
        startsOn: input.startsOn ?? before.startsOn,
        endsOn: input.endsOn ?? before.endsOn,
      };
      assertDates(rangeProblems(range));
      if (range.startsOn !== before.startsOn || range.endsOn !== before.endsOn) {
        assertDates(strandedTermProblems(range, await termsOfYear(tx, before.id)));
      }
      const after = await updateYear(tx, before.id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...range,
      });
      await recordUpdate(tx, ctx, 'academic_year', after.id, yearFields(before), yearFields(after));
      return after;
    })
    .catch(yearConflicts);
  return toAcademicYear(row);
}

/** Two requests that both try to set a current year: the unique index lets only one win. */
function currentClash(error: unknown): never {
  if (isUniqueViolation(error, 'academic_years_one_current_idx')) {
    throw new AppError('CONFLICT', 'Another year was made current at the same moment; retry.');
  }
  throw error;
}

export async function makeAcademicYearCurrent(
  ctx: TenantContext,
  unverifiedId: string,
): Promise<AcademicYear> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await lockAllYears(tx);
      const year = await findYear(tx, unverifiedId);
      if (!year) throw yearNotFound();
      if (year.isCurrent) return year;
      const previous = await findCurrentYear(tx);
      if (previous) await updateYear(tx, previous.id, { isCurrent: false });
      const current = await updateYear(tx, year.id, { isCurrent: true });
      await recordAudit(tx, ctx, {
        action: 'academic_year.made_current',
        entityType: 'academic_year',
        entityId: year.id,
        before: { isCurrent: false, currentYearId: previous?.id ?? null },
        after: { isCurrent: true, currentYearId: year.id },
      });
      return current;
    })
    .catch(currentClash);
  return toAcademicYear(row);
}

export async function deleteAcademicYear(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'academics:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const year = await findYear(tx, unverifiedId, 'update');
      if (!year) throw yearNotFound();
      const used = await yearDependents(tx, year.id);
      assertNotInUse('academic year', [
        [used.terms, 'term'],
        [used.sectionEnrollments, 'section enrollment'],
      ]);
      await deleteYear(tx, year.id);
      await recordAudit(tx, ctx, {
        action: 'academic_year.deleted',
        entityType: 'academic_year',
        entityId: year.id,
        before: yearFields(year),
      });
    })
    .catch(deleteRefused('academic year'));
}

// ---------------------------------------------------------------------------------------------
// Terms

const TERM_SORTS = {
  startsOn: { column: terms.startsOn, kind: 'string' },
  name: { column: terms.name, kind: 'string' },
} as const;

export async function listTerms(ctx: TenantContext, query: TermListQuery) {
  requirePermission(ctx, 'academics:read');
  const ks = keyset(query, TERM_SORTS, 'startsOn');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listTermRows(tx, ks, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.academicYearId ? { academicYearId: query.academicYearId } : {}),
    }),
  );
  return keysetPage(rows, ks, toTerm);
}

export async function getTerm(ctx: TenantContext, unverifiedId: string): Promise<Term> {
  requirePermission(ctx, 'academics:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findTerm(tx, unverifiedId));
  if (!row) throw termNotFound();
  return toTerm(row);
}

export async function createTerm(ctx: TenantContext, input: CreateTermBody): Promise<Term> {
  requirePermission(ctx, 'academics:manage');
  assertDates(rangeProblems(input));
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      // The year's row lock serialises every term write of that year (see the header).
      const year = await findYear(tx, input.academicYearId, 'update');
      if (!year) {
        throw invalidReferences([unknownReference('academicYearId', 'an academic year')]);
      }
      assertDates([
        ...outsideYearProblems(input, year),
        ...overlapProblems(input, await termsOfYear(tx, year.id)),
      ]);
      const term = await insertTerm(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        academicYearId: year.id,
        name: input.name.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      });
      await recordAudit(tx, ctx, {
        action: 'term.created',
        entityType: 'term',
        entityId: term.id,
        after: termFields(term),
      });
      return term;
    })
    .catch(termConflicts);
  return toTerm(row);
}

export async function updateTerm(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateTermBody,
): Promise<Term> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const current = await findTerm(tx, unverifiedId);
      if (!current) throw termNotFound();
      const yearId = input.academicYearId ?? current.academicYearId;
      const year = await findYear(tx, yearId, 'update');
      if (!year) {
        throw invalidReferences([unknownReference('academicYearId', 'an academic year')]);
      }
      // Read again under the year's lock: a concurrent write may have changed it meanwhile.
      const before = await findTerm(tx, current.id, 'update');
      if (!before) throw termNotFound();
      const range = {
        startsOn: input.startsOn ?? before.startsOn,
        endsOn: input.endsOn ?? before.endsOn,
      };
      assertDates(rangeProblems(range));
      assertDates([
        ...outsideYearProblems(range, year),
        ...overlapProblems(range, await termsOfYear(tx, year.id, before.id)),
      ]);
      const after = await updateTermRow(tx, before.id, {
        academicYearId: year.id,
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...range,
      });
      await recordUpdate(tx, ctx, 'term', after.id, termFields(before), termFields(after));
      return after;
    })
    .catch(termConflicts);
  return toTerm(row);
}

export async function deleteTerm(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'academics:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const term = await findTerm(tx, unverifiedId, 'update');
      if (!term) throw termNotFound();
      const used = await termDependents(tx, term.id);
      assertNotInUse('term', [[used.classes, 'class', 'classes']]);
      await deleteTermRow(tx, term.id);
      await recordAudit(tx, ctx, {
        action: 'term.deleted',
        entityType: 'term',
        entityId: term.id,
        before: termFields(term),
      });
    })
    .catch(deleteRefused('term'));
}
