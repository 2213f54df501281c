import type {
  ClassListQuery,
  CreateClassBody,
  SchoolClass,
  UpdateClassBody,
} from '../../../shared/contracts/academics.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';
import {
  assertNotInUse,
  deleteRefused,
  invalidReferences,
  unknownReference,
  writeRefused,
} from './academics.errors.js';
import { keyset, keysetPage } from './academics.listing.js';
import {
  classDependents,
  deleteClass as deleteClassRow,
  findClass,
  findGradeLevel,
  findRoom,
  findSection,
  findSubject,
  findTerm,
  insertClass,
  listClasses as listClassRows,
  setClassTeachers,
  updateClass as updateClassRow,
  type ClassRow,
  type GradeLevelRow,
  type SectionRow,
  type SubjectRow,
} from './academics.repository.js';
import { classes } from './academics.table.js';
import { teacherProblems } from './teachers.js';

// Classes: a subject taught in a term to one section or to a whole grade level, by one or
// more teachers, optionally in a room.

const classNotFound = () => new AppError('CLASS_NOT_FOUND', 'No such class.');
const classConflicts = writeRefused({
  classes_school_term_name_key: { field: 'name', message: 'is already a class in this term' },
});
const CLASS_SORTS = { name: { column: classes.name, kind: 'string' } } as const;

export function toClass(row: ClassRow): SchoolClass {
  return {
    id: row.id,
    name: row.name,
    subjectId: row.subjectId,
    termId: row.termId,
    sectionId: row.sectionId,
    gradeLevelId: row.gradeLevelId,
    roomId: row.roomId,
    teacherIds: [...row.teacherIds].sort(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function classFields(row: ClassRow) {
  return {
    name: row.name,
    subjectId: row.subjectId,
    termId: row.termId,
    sectionId: row.sectionId,
    gradeLevelId: row.gradeLevelId,
    roomId: row.roomId,
    teacherIds: [...row.teacherIds].sort(),
  };
}

/** A class is taught to exactly one group: a section, or a whole grade level. */
function groupProblems(sectionId: string | null, gradeLevelId: string | null): ErrorDetail[] {
  if (sectionId && gradeLevelId) {
    return [
      {
        field: 'gradeLevelId',
        code: 'one_group',
        message: 'must be left out when the class is for a section',
      },
    ];
  }
  if (!sectionId && !gradeLevelId) {
    return [
      {
        field: 'sectionId',
        code: 'required',
        message: 'a class needs a section or a grade level',
      },
    ];
  }
  return [];
}

interface ClassRefs {
  subjectId?: string;
  termId?: string;
  sectionId?: string | null;
  gradeLevelId?: string | null;
  roomId?: string | null;
  teacherIds?: string[];
}

interface Resolved {
  subject: SubjectRow | null;
  section: SectionRow | null;
  gradeLevel: GradeLevelRow | null;
}

/**
 * Checks every reference given, locking what it finds against deletion until commit, and
 * reports all problems at once, field by field.
 */
async function resolveReferences(tx: Tx, refs: ClassRefs): Promise<Resolved> {
  const problems: ErrorDetail[] = [];
  const subject = refs.subjectId ? await findSubject(tx, refs.subjectId, 'key share') : null;
  if (refs.subjectId && !subject) problems.push(unknownReference('subjectId', 'a subject'));
  if (refs.termId && !(await findTerm(tx, refs.termId, 'key share'))) {
    problems.push(unknownReference('termId', 'a term'));
  }
  const section = refs.sectionId ? await findSection(tx, refs.sectionId, 'key share') : null;
  if (refs.sectionId && !section) problems.push(unknownReference('sectionId', 'a section'));
  const gradeLevelId = refs.gradeLevelId ?? section?.gradeLevelId;
  const gradeLevel = gradeLevelId ? await findGradeLevel(tx, gradeLevelId, 'key share') : null;
  if (refs.gradeLevelId && !gradeLevel) {
    problems.push(unknownReference('gradeLevelId', 'a grade level'));
  }
  if (refs.roomId && !(await findRoom(tx, refs.roomId, 'key share'))) {
    problems.push(unknownReference('roomId', 'a room'));
  }
  if (refs.teacherIds) problems.push(...(await teacherProblems(tx, 'teacherIds', refs.teacherIds)));
  if (problems.length > 0) throw invalidReferences(problems);
  return { subject, section, gradeLevel };
}

function defaultName({ subject, section, gradeLevel }: Resolved): string {
  const group = [gradeLevel?.name, section?.name].filter(Boolean).join(' ');
  return `${subject?.name ?? 'Class'} (${group})`;
}

export async function listClasses(ctx: TenantContext, query: ClassListQuery) {
  requirePermission(ctx, 'academics:read');
  const ks = keyset(query, CLASS_SORTS, 'name');
  const { limit: _limit, cursor: _cursor, sort: _sort, ...filter } = query;
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listClassRows(tx, ks, filter),
  );
  return keysetPage(rows, ks, toClass);
}

export async function getClass(ctx: TenantContext, unverifiedId: string): Promise<SchoolClass> {
  requirePermission(ctx, 'academics:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findClass(tx, unverifiedId));
  if (!row) throw classNotFound();
  return toClass(row);
}

export async function createClass(
  ctx: TenantContext,
  input: CreateClassBody,
): Promise<SchoolClass> {
  requirePermission(ctx, 'academics:manage');
  const sectionId = input.sectionId ?? null;
  const gradeLevelId = input.gradeLevelId ?? null;
  const group = groupProblems(sectionId, gradeLevelId);
  if (group.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is not valid.', group);
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const resolved = await resolveReferences(tx, input);
      const inserted = await insertClass(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        name: input.name?.trim() ?? defaultName(resolved),
        subjectId: input.subjectId,
        termId: input.termId,
        sectionId,
        gradeLevelId,
        roomId: input.roomId ?? null,
      });
      await setClassTeachers(tx, ctx.schoolId, inserted.id, input.teacherIds);
      const created = { ...inserted, teacherIds: input.teacherIds };
      await recordAudit(tx, ctx, {
        action: 'class.created',
        entityType: 'class',
        entityId: created.id,
        after: classFields(created),
      });
      return created;
    })
    .catch(classConflicts);
  return toClass(row);
}

export async function updateClass(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateClassBody,
): Promise<SchoolClass> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findClass(tx, unverifiedId, 'update');
      if (!before) throw classNotFound();
      // Naming one group alone switches the class to it; the other is cleared.
      let sectionId = input.sectionId !== undefined ? input.sectionId : before.sectionId;
      let gradeLevelId =
        input.gradeLevelId !== undefined ? input.gradeLevelId : before.gradeLevelId;
      if (input.sectionId && input.gradeLevelId === undefined) gradeLevelId = null;
      if (input.gradeLevelId && input.sectionId === undefined) sectionId = null;
      const group = groupProblems(sectionId, gradeLevelId);
      if (group.length > 0) {
        throw new AppError('VALIDATION_FAILED', 'The request is not valid.', group);
      }
      await resolveReferences(tx, input);
      // A timetabled class keeps its term and group: its lessons were checked for clashes
      // against them. Moving it means taking it out of the timetable first.
      const moves =
        (input.termId !== undefined && input.termId !== before.termId) ||
        sectionId !== before.sectionId ||
        gradeLevelId !== before.gradeLevelId;
      if (moves) {
        const { lessons } = await classDependents(tx, before.id);
        assertNotInUse('class', [[lessons, 'timetable lesson']]);
      }
      const updated = await updateClassRow(tx, before.id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.subjectId !== undefined ? { subjectId: input.subjectId } : {}),
        ...(input.termId !== undefined ? { termId: input.termId } : {}),
        ...(input.roomId !== undefined ? { roomId: input.roomId } : {}),
        sectionId,
        gradeLevelId,
      });
      if (input.teacherIds) await setClassTeachers(tx, ctx.schoolId, before.id, input.teacherIds);
      const after = { ...updated, teacherIds: input.teacherIds ?? before.teacherIds };
      await recordUpdate(tx, ctx, 'class', after.id, classFields(before), classFields(after));
      return after;
    })
    .catch(classConflicts);
  return toClass(row);
}

export async function deleteClass(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'academics:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const found = await findClass(tx, unverifiedId, 'update');
      if (!found) throw classNotFound();
      const used = await classDependents(tx, found.id);
      // Scores, registers and comments are saved work; they are never deleted along the way.
      assertNotInUse('class', [
        [used.enrollments, 'student enrollment'],
        [used.lessons, 'timetable lesson'],
        [used.registers, 'attendance register'],
        [used.assessments, 'assessment'],
        [used.comments, 'report-card comment'],
      ]);
      // Its teacher assignments are part of the class, not records of their own.
      await deleteClassRow(tx, found.id);
      await recordAudit(tx, ctx, {
        action: 'class.deleted',
        entityType: 'class',
        entityId: found.id,
        before: classFields(found),
      });
    })
    .catch(deleteRefused('class'));
}
