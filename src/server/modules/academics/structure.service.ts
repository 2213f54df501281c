import type {
  CreateGradeLevelBody,
  CreateRoomBody,
  CreateSectionBody,
  CreateSubjectBody,
  GradeLevel,
  GradeLevelListQuery,
  Room,
  RoomListQuery,
  Section,
  SectionListQuery,
  Subject,
  SubjectListQuery,
  UpdateGradeLevelBody,
  UpdateRoomBody,
  UpdateSectionBody,
  UpdateSubjectBody,
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
  deleteGradeLevel as deleteGradeLevelRow,
  deleteRoom as deleteRoomRow,
  deleteSection as deleteSectionRow,
  deleteSubject as deleteSubjectRow,
  findGradeLevel,
  findGradeLevelAt,
  findRoom,
  findSection,
  findSubject,
  gradeLevelDependents,
  insertGradeLevel,
  insertRoom,
  insertSection,
  insertSubject,
  lastGradeLevelOrder,
  listGradeLevels as listGradeLevelRows,
  listRooms as listRoomRows,
  listSections as listSectionRows,
  listSubjects as listSubjectRows,
  lockGradeLevelOrder,
  roomDependents,
  sectionDependents,
  subjectDependents,
  updateGradeLevel as updateGradeLevelRow,
  updateRoom as updateRoomRow,
  updateSection as updateSectionRow,
  updateSubject as updateSubjectRow,
  type GradeLevelRow,
  type RoomRow,
  type SectionRow,
  type SubjectRow,
} from './academics.repository.js';
import { gradeLevels, rooms, sections, subjects } from './academics.table.js';
import { teacherProblems } from './teachers.js';

// Grade levels and their sections (homerooms), subjects and rooms.

const stamps = (row: { createdAt: Date; updatedAt: Date }) => ({
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

// ---------------------------------------------------------------------------------------------
// Grade levels

const gradeLevelNotFound = () => new AppError('GRADE_LEVEL_NOT_FOUND', 'No such grade level.');
const gradeLevelConflicts = writeRefused({
  grade_levels_school_name_key: { field: 'name', message: 'is already a grade level' },
});
const GRADE_LEVEL_SORTS = {
  sortOrder: { column: gradeLevels.sortOrder, kind: 'number' },
  name: { column: gradeLevels.name, kind: 'string' },
} as const;

export function toGradeLevel(row: GradeLevelRow): GradeLevel {
  return { id: row.id, name: row.name, sortOrder: row.sortOrder, ...stamps(row) };
}

const gradeLevelFields = (row: GradeLevelRow) => ({ name: row.name, sortOrder: row.sortOrder });

/** Sort positions are unique per school; the caller holds the order lock. */
async function assertFreePosition(tx: Tx, sortOrder: number, exceptId?: string): Promise<void> {
  const holder = await findGradeLevelAt(tx, sortOrder, exceptId);
  if (holder) {
    throw new AppError('CONFLICT', 'Another grade level already has this position.', [
      { field: 'sortOrder', code: 'taken', message: `is already the position of ${holder.name}` },
    ]);
  }
}

export async function listGradeLevels(ctx: TenantContext, query: GradeLevelListQuery) {
  requirePermission(ctx, 'academics:read');
  const ks = keyset(query, GRADE_LEVEL_SORTS, 'sortOrder');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listGradeLevelRows(tx, ks, query.q ? { q: query.q } : {}),
  );
  return keysetPage(rows, ks, toGradeLevel);
}

export async function getGradeLevel(ctx: TenantContext, unverifiedId: string): Promise<GradeLevel> {
  requirePermission(ctx, 'academics:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    findGradeLevel(tx, unverifiedId),
  );
  if (!row) throw gradeLevelNotFound();
  return toGradeLevel(row);
}

export async function createGradeLevel(
  ctx: TenantContext,
  input: CreateGradeLevelBody,
): Promise<GradeLevel> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      await lockGradeLevelOrder(tx, ctx.schoolId);
      let sortOrder = input.sortOrder;
      if (sortOrder === undefined) sortOrder = ((await lastGradeLevelOrder(tx)) ?? 0) + 1;
      else await assertFreePosition(tx, sortOrder);
      const level = await insertGradeLevel(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        name: input.name.trim(),
        sortOrder,
      });
      await recordAudit(tx, ctx, {
        action: 'grade_level.created',
        entityType: 'grade_level',
        entityId: level.id,
        after: gradeLevelFields(level),
      });
      return level;
    })
    .catch(gradeLevelConflicts);
  return toGradeLevel(row);
}

export async function updateGradeLevel(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateGradeLevelBody,
): Promise<GradeLevel> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      if (input.sortOrder !== undefined) await lockGradeLevelOrder(tx, ctx.schoolId);
      const before = await findGradeLevel(tx, unverifiedId, 'update');
      if (!before) throw gradeLevelNotFound();
      if (input.sortOrder !== undefined) await assertFreePosition(tx, input.sortOrder, before.id);
      const after = await updateGradeLevelRow(tx, before.id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      });
      await recordUpdate(
        tx,
        ctx,
        'grade_level',
        after.id,
        gradeLevelFields(before),
        gradeLevelFields(after),
      );
      return after;
    })
    .catch(gradeLevelConflicts);
  return toGradeLevel(row);
}

export async function deleteGradeLevel(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'academics:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const level = await findGradeLevel(tx, unverifiedId, 'update');
      if (!level) throw gradeLevelNotFound();
      const used = await gradeLevelDependents(tx, level.id);
      assertNotInUse('grade level', [
        [used.sections, 'section'],
        [used.classes, 'class', 'classes'],
      ]);
      await deleteGradeLevelRow(tx, level.id);
      await recordAudit(tx, ctx, {
        action: 'grade_level.deleted',
        entityType: 'grade_level',
        entityId: level.id,
        before: gradeLevelFields(level),
      });
    })
    .catch(deleteRefused('grade level'));
}

// ---------------------------------------------------------------------------------------------
// Sections

const sectionNotFound = () => new AppError('SECTION_NOT_FOUND', 'No such section.');
const sectionConflicts = writeRefused({
  sections_school_grade_name_key: {
    field: 'name',
    message: 'is already a section of this grade level',
  },
});
const SECTION_SORTS = { name: { column: sections.name, kind: 'string' } } as const;

export function toSection(row: SectionRow): Section {
  return {
    id: row.id,
    gradeLevelId: row.gradeLevelId,
    name: row.name,
    homeroomTeacherId: row.homeroomTeacherId,
    ...stamps(row),
  };
}

const sectionFields = (row: SectionRow) => ({
  gradeLevelId: row.gradeLevelId,
  name: row.name,
  homeroomTeacherId: row.homeroomTeacherId,
});

async function sectionReferenceProblems(
  tx: Tx,
  refs: { gradeLevelId?: string; homeroomTeacherId?: string | null },
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (
    refs.gradeLevelId !== undefined &&
    !(await findGradeLevel(tx, refs.gradeLevelId, 'key share'))
  ) {
    problems.push(unknownReference('gradeLevelId', 'a grade level'));
  }
  if (refs.homeroomTeacherId) {
    problems.push(...(await teacherProblems(tx, 'homeroomTeacherId', [refs.homeroomTeacherId])));
  }
  return problems;
}

export async function listSections(ctx: TenantContext, query: SectionListQuery) {
  requirePermission(ctx, 'academics:read');
  const ks = keyset(query, SECTION_SORTS, 'name');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listSectionRows(tx, ks, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.gradeLevelId ? { gradeLevelId: query.gradeLevelId } : {}),
      ...(query.homeroomTeacherId ? { homeroomTeacherId: query.homeroomTeacherId } : {}),
    }),
  );
  return keysetPage(rows, ks, toSection);
}

export async function getSection(ctx: TenantContext, unverifiedId: string): Promise<Section> {
  requirePermission(ctx, 'academics:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findSection(tx, unverifiedId));
  if (!row) throw sectionNotFound();
  return toSection(row);
}

export async function createSection(
  ctx: TenantContext,
  input: CreateSectionBody,
): Promise<Section> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const problems = await sectionReferenceProblems(tx, input);
      if (problems.length > 0) throw invalidReferences(problems);
      const section = await insertSection(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        gradeLevelId: input.gradeLevelId,
        name: input.name.trim(),
        homeroomTeacherId: input.homeroomTeacherId ?? null,
      });
      await recordAudit(tx, ctx, {
        action: 'section.created',
        entityType: 'section',
        entityId: section.id,
        after: sectionFields(section),
      });
      return section;
    })
    .catch(sectionConflicts);
  return toSection(row);
}

export async function updateSection(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateSectionBody,
): Promise<Section> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findSection(tx, unverifiedId, 'update');
      if (!before) throw sectionNotFound();
      const problems = await sectionReferenceProblems(tx, input);
      if (problems.length > 0) throw invalidReferences(problems);
      const after = await updateSectionRow(tx, before.id, {
        ...(input.gradeLevelId !== undefined ? { gradeLevelId: input.gradeLevelId } : {}),
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.homeroomTeacherId !== undefined
          ? { homeroomTeacherId: input.homeroomTeacherId }
          : {}),
      });
      await recordUpdate(tx, ctx, 'section', after.id, sectionFields(before), sectionFields(after));
      return after;
    })
    .catch(sectionConflicts);
  return toSection(row);
}

export async function deleteSection(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'academics:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const section = await findSection(tx, unverifiedId, 'update');
      if (!section) throw sectionNotFound();
      const used = await sectionDependents(tx, section.id);
      assertNotInUse('section', [
        [used.students, 'student'],
        [used.classes, 'class', 'classes'],
        [used.sectionEnrollments, 'enrollment'],
      ]);
      await deleteSectionRow(tx, section.id);
      await recordAudit(tx, ctx, {
        action: 'section.deleted',
        entityType: 'section',
        entityId: section.id,
        before: sectionFields(section),
      });
    })
    .catch(deleteRefused('section'));
}

// ---------------------------------------------------------------------------------------------
// Subjects

const subjectNotFound = () => new AppError('SUBJECT_NOT_FOUND', 'No such subject.');
const subjectConflicts = writeRefused({
  subjects_school_code_key: { field: 'code', message: 'is already the code of another subject' },
});
const SUBJECT_SORTS = {
  code: { column: subjects.code, kind: 'string' },
  name: { column: subjects.name, kind: 'string' },
} as const;

export function toSubject(row: SubjectRow): Subject {
  return { id: row.id, code: row.code, name: row.name, ...stamps(row) };
}

const subjectFields = (row: SubjectRow) => ({ code: row.code, name: row.name });

export async function listSubjects(ctx: TenantContext, query: SubjectListQuery) {
  requirePermission(ctx, 'academics:read');
  const ks = keyset(query, SUBJECT_SORTS, 'code');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listSubjectRows(tx, ks, query.q ? { q: query.q } : {}),
  );
  return keysetPage(rows, ks, toSubject);
}

export async function getSubject(ctx: TenantContext, unverifiedId: string): Promise<Subject> {
  requirePermission(ctx, 'academics:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findSubject(tx, unverifiedId));
  if (!row) throw subjectNotFound();
  return toSubject(row);
}

export async function createSubject(
  ctx: TenantContext,
  input: CreateSubjectBody,
): Promise<Subject> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const subject = await insertSubject(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        code: input.code,
        name: input.name.trim(),
      });
      await recordAudit(tx, ctx, {
        action: 'subject.created',
        entityType: 'subject',
        entityId: subject.id,
        after: subjectFields(subject),
      });
      return subject;
    })
    .catch(subjectConflicts);
  return toSubject(row);
}

export async function updateSubject(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateSubjectBody,
): Promise<Subject> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findSubject(tx, unverifiedId, 'update');
      if (!before) throw subjectNotFound();
      const after = await updateSubjectRow(tx, before.id, {
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      });
      await recordUpdate(tx, ctx, 'subject', after.id, subjectFields(before), subjectFields(after));
      return after;
    })
    .catch(subjectConflicts);
  return toSubject(row);
}

export async function deleteSubject(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'academics:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const subject = await findSubject(tx, unverifiedId, 'update');
      if (!subject) throw subjectNotFound();
      const used = await subjectDependents(tx, subject.id);
      assertNotInUse('subject', [[used.classes, 'class', 'classes']]);
      await deleteSubjectRow(tx, subject.id);
      await recordAudit(tx, ctx, {
        action: 'subject.deleted',
        entityType: 'subject',
        entityId: subject.id,
        before: subjectFields(subject),
      });
    })
    .catch(deleteRefused('subject'));
}

// ---------------------------------------------------------------------------------------------
// Rooms

const roomNotFound = () => new AppError('ROOM_NOT_FOUND', 'No such room.');
const roomConflicts = writeRefused({
  rooms_school_name_key: { field: 'name', message: 'is already a room' },
});
const ROOM_SORTS = {
  name: { column: rooms.name, kind: 'string' },
  capacity: { column: rooms.capacity, kind: 'number' },
} as const;

export function toRoom(row: RoomRow): Room {
  return { id: row.id, name: row.name, capacity: row.capacity, ...stamps(row) };
}

const roomFields = (row: RoomRow) => ({ name: row.name, capacity: row.capacity });

export async function listRooms(ctx: TenantContext, query: RoomListQuery) {
  requirePermission(ctx, 'academics:read');
  const ks = keyset(query, ROOM_SORTS, 'name');
  const rows = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    listRoomRows(tx, ks, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.minCapacity !== undefined ? { minCapacity: query.minCapacity } : {}),
    }),
  );
  return keysetPage(rows, ks, toRoom);
}

export async function getRoom(ctx: TenantContext, unverifiedId: string): Promise<Room> {
  requirePermission(ctx, 'academics:read');
  const row = await ctx.services.db.withTenant(ctx.schoolId, (tx) => findRoom(tx, unverifiedId));
  if (!row) throw roomNotFound();
  return toRoom(row);
}

export async function createRoom(ctx: TenantContext, input: CreateRoomBody): Promise<Room> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const room = await insertRoom(tx, {
        schoolId: ctx.schoolId,
        id: newId(),
        name: input.name.trim(),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      });
      await recordAudit(tx, ctx, {
        action: 'room.created',
        entityType: 'room',
        entityId: room.id,
        after: roomFields(room),
      });
      return room;
    })
    .catch(roomConflicts);
  return toRoom(row);
}

export async function updateRoom(
  ctx: TenantContext,
  unverifiedId: string,
  input: UpdateRoomBody,
): Promise<Room> {
  requirePermission(ctx, 'academics:manage');
  const row = await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const before = await findRoom(tx, unverifiedId, 'update');
      if (!before) throw roomNotFound();
      const after = await updateRoomRow(tx, before.id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      });
      await recordUpdate(tx, ctx, 'room', after.id, roomFields(before), roomFields(after));
      return after;
    })
    .catch(roomConflicts);
  return toRoom(row);
}

export async function deleteRoom(ctx: TenantContext, unverifiedId: string): Promise<void> {
  requirePermission(ctx, 'academics:manage');
  await ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const room = await findRoom(tx, unverifiedId, 'update');
      if (!room) throw roomNotFound();
      const used = await roomDependents(tx, room.id);
      assertNotInUse('room', [[used.classes, 'class', 'classes']]);
      await deleteRoomRow(tx, room.id);
      await recordAudit(tx, ctx, {
        action: 'room.deleted',
        entityType: 'room',
        entityId: room.id,
        before: roomFields(room),
      });
    })
    .catch(deleteRefused('room'));
}
