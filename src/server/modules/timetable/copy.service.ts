import type { CopyResult, CopyTimetableBody } from '../../../shared/contracts/timetable.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';
import { unknownReference } from '../academics/academics.errors.js';
import { insertClass, setClassTeachers } from '../academics/academics.repository.js';
import { conflictError, slotWriteRefused } from './entries.service.js';
import {
  deleteTermEntries,
  findStaffName,
  findTermById,
  insertEntries,
  listTermEntryViews,
  listTermClasses,
  listTermEntries,
  lockTermTimetable,
  type NewEntryRow,
  type TermClassRow,
} from './timetable.repository.js';
import { findClashes, type Clash, type SlotEntry } from './timetable.rules.js';

// Copying a term's timetable into another term, all or nothing: each class of the source term
// is matched to a class of the target term (same subject, same section or grade level) or
// created there, then every entry follows its class.

/** The target class for each source class, matched one to one; null where none exists. */
function matchClasses(
  source: TermClassRow[],
  target: TermClassRow[],
): Map<string, TermClassRow | null> {
  const taken = new Set<string>();
  const sameGroup = (a: TermClassRow, b: TermClassRow) =>
    a.subjectId === b.subjectId &&
    (a.sectionId ? a.sectionId === b.sectionId : a.gradeLevelId === b.gradeLevelId);
  const matches = new Map<string, TermClassRow | null>();
  // Same-named matches first, so "Mathematics 1A" finds "Mathematics 1A" when a group has two.
  for (const pass of ['named', 'any'] as const) {
    for (const s of source) {
      if (matches.get(s.id)) continue;
      const found = target.find(
        (t) => !taken.has(t.id) && sameGroup(s, t) && (pass === 'any' || t.name === s.name),
      );
      if (found) {
        taken.add(found.id);
        matches.set(s.id, found);
      } else matches.set(s.id, null);
    }
  }
  return matches;
}

/** The class's name, or with a number after it when the target term already uses the name. */
function freeName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name} (${n})`;
  used.add(candidate);
  return candidate;
}

async function createTargetClass(
  tx: Tx,
  ctx: TenantContext,
  source: TermClassRow,
  toTermId: string,
  usedNames: Set<string>,
): Promise<TermClassRow> {
  const created = await insertClass(tx, {
    schoolId: ctx.schoolId,
    id: newId(),
    name: freeName(source.name, usedNames),
    subjectId: source.subjectId,
    termId: toTermId,
    sectionId: source.sectionId,
    gradeLevelId: source.gradeLevelId,
    roomId: source.roomId,
  });
  await setClassTeachers(tx, ctx.schoolId, created.id, source.teacherIds);
  await recordAudit(tx, ctx, {
    action: 'class.created',
    entityType: 'class',
    entityId: created.id,
    after: {
      name: created.name,
      subjectId: created.subjectId,
      termId: created.termId,
      sectionId: created.sectionId,
      gradeLevelId: created.gradeLevelId,
      roomId: created.roomId,
      teacherIds: [...source.teacherIds].sort(),
      copiedFromClassId: source.id,
    },
  });
  return { ...source, id: created.id, name: created.name };
}

export async function copyTimetable(
  ctx: TenantContext,
  input: CopyTimetableBody,
): Promise<CopyResult> {
  requirePermission(ctx, 'timetable:manage');
  if (input.fromTermId === input.toTermId) {
    throw new AppError('VALIDATION_FAILED', 'Choose another term to copy to.', [
      { field: 'toTermId', code: 'same_term', message: 'must differ from the term copied from' },
    ]);
  }
  return ctx.services.db
    .withTenant(ctx.schoolId, async (tx) => {
      const from = await findTermById(tx, input.fromTermId);
      const to = await findTermById(tx, input.toTermId);
      const unknown: ErrorDetail[] = [];
      if (!from) unknown.push(unknownReference('fromTermId', 'a term'));
      if (!to) unknown.push(unknownReference('toTermId', 'a term'));
      if (!from || !to) {
        throw new AppError('VALIDATION_FAILED', 'Some referenced records cannot be used.', unknown);
      }
      // Both timetables hold still: nothing is added to either while the copy runs.
      for (const termId of [from.id, to.id].sort()) await lockTermTimetable(tx, termId);

      const existing = await listTermEntries(tx, to.id);
      if (existing.length > 0 && !input.replace) {
        const message = `${to.name} already has ${existing.length} timetable ${existing.length === 1 ? 'entry' : 'entries'}; copy with replace to overwrite them.`;
        throw new AppError('CONFLICT', message, [
          { field: 'toTermId', code: 'has_entries', message },
        ]);
      }
      const replacedEntries = existing.length > 0 ? await deleteTermEntries(tx, to.id) : 0;

      const sourceClasses = await listTermClasses(tx, from.id);
      const targetClasses = await listTermClasses(tx, to.id);
      const usedNames = new Set(targetClasses.map((c) => c.name));
      const matches = matchClasses(sourceClasses, targetClasses);
      const mapped = new Map<string, TermClassRow>();
      let createdClasses = 0;
      for (const source of sourceClasses) {
        const match = matches.get(source.id);
        if (match) {
          mapped.set(source.id, match);
        } else {
          mapped.set(source.id, await createTargetClass(tx, ctx, source, to.id, usedNames));
          createdClasses++;
        }
      }

      const sourceEntries = await listTermEntryViews(tx, from.id);
      const staffNames = new Map<string, string | null>();
      const placed = new Map<string, SlotEntry[]>();
      const clashes: Clash[] = [];
      const rows: NewEntryRow[] = [];
      for (const entry of sourceEntries) {
        const target = mapped.get(entry.classId);
        if (!target) continue;
        const teacherId =
          entry.teacherId && target.teacherIds.includes(entry.teacherId)
            ? entry.teacherId
            : target.teacherIds.length === 1
              ? (target.teacherIds[0] ?? null)
              : null;
        if (teacherId && !staffNames.has(teacherId)) {
          staffNames.set(teacherId, await findStaffName(tx, teacherId));
        }
        const candidate: SlotEntry = {
          id: newId(),
          classId: target.id,
          className: target.name,
          sectionId: entry.sectionId,
          sectionName: entry.sectionName,
          gradeLevelId: entry.gradeLevelId,
          gradeLevelName: entry.gradeLevelName,
          roomId: entry.roomId,
          roomName: entry.roomName,
          teacherId,
          teacherName: teacherId ? (staffNames.get(teacherId) ?? null) : null,
        };
        const key = `${entry.day}:${entry.periodId}`;
        const slot = placed.get(key) ?? [];
        clashes.push(
          ...findClashes(candidate, slot, { day: entry.day, periodName: entry.periodName }),
        );
        placed.set(key, [...slot, candidate]);
        rows.push({
          schoolId: ctx.schoolId,
          id: candidate.id,
          termId: to.id,
          classId: target.id,
          day: entry.day,
          periodId: entry.periodId,
          roomId: entry.roomId,
          teacherId,
          sectionId: target.sectionId,
        });
      }
      // Reported before anything is written; the transaction undoes the classes made above.
      if (clashes.length > 0) throw conflictError(clashes.slice(0, 20));
      for (let i = 0; i < rows.length; i += 500) await insertEntries(tx, rows.slice(i, i + 500));

      const result = { createdClasses, copiedEntries: rows.length, replacedEntries };
      await recordAudit(tx, ctx, {
        action: 'timetable.copied',
        entityType: 'term',
        entityId: to.id,
        after: { fromTermId: from.id, toTermId: to.id, ...result },
      });
      return result;
    })
    .catch(slotWriteRefused);
}
