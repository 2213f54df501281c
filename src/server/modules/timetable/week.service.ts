import type {
  Day,
  DayItem,
  DayQuery,
  TermRef,
  Week,
  WeekQuery,
} from '../../../shared/contracts/timetable.js';
import { requirePermission, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, type ErrorCode } from '../../platform/errors/app-error.js';
import { schoolToday } from '../enrollment/school-date.js';
import { studentScopeCondition } from '../people/scope.js';
import {
  classTermId,
  findDefaultTerm,
  findStudentNames,
  findStudentVisibility,
  findTermById,
  isClassTeacher,
  listAttendedClasses,
  listClassesOnDay,
  listPeriods,
  listPortalChildren,
  listTaughtOnDay,
  listWeekEntries,
  roomExists,
  sectionGradeLevel,
  staffExists,
  termsContaining,
  type EntryViewRow,
  type TermRow,
  type WeekSelector,
} from './timetable.repository.js';
import { isoWeekday } from '../enrollment/school-date.js';
import { clockTime } from './timetable.rules.js';
import { toEntry } from './timetable.views.js';

// Reading the timetable: a week (of a section, teacher, room, student or class) and a day's
// classes for the signed-in person. Whole-school readers ('all', which teachers hold here) may
// look at any week; a student only at her own, a guardian only at her children's.

const SELECTORS = ['sectionId', 'teacherId', 'roomId', 'studentId', 'classId'] as const;
type SelectorField = (typeof SELECTORS)[number];

const forbidden = () => new AppError('FORBIDDEN', 'You do not have permission to do this.');
const notFound = (code: ErrorCode, what: string) => new AppError(code, `No such ${what}.`);

function toTermRef(term: TermRow): TermRef {
  return { id: term.id, name: term.name, startsOn: term.startsOn, endsOn: term.endsOn };
}

function oneSelector(query: WeekQuery): { field: SelectorField; id: string } {
  const given = SELECTORS.filter((field) => query[field] !== undefined);
  const [field] = given;
  if (given.length !== 1 || !field) {
    throw new AppError('VALIDATION_FAILED', 'Choose whose week to show.', [
      {
        field: 'querystring',
        code: 'one_selector',
        message: `give exactly one of ${SELECTORS.join(', ')}`,
      },
    ]);
  }
  return { field, id: query[field] as string };
}

/**
 * Checks that the selected record exists (404 otherwise, the same for another school's ids)
 * and that the actor may see its week (403 otherwise).
 */
async function resolveSelector(
  tx: Tx,
  ctx: TenantContext,
  selected: { field: SelectorField; id: string },
): Promise<WeekSelector> {
  const { actor, scopes } = requirePermission(ctx, 'timetable:read');
  const all = scopes.includes('all');
  const ownClasses = scopes.includes('own-classes') && actor.linkedStaffId !== null;
  const { field, id } = selected;
  switch (field) {
    case 'studentId': {
      const found = await findStudentVisibility(tx, id, studentScopeCondition(actor, scopes));
      if (!found.exists) throw notFound('STUDENT_NOT_FOUND', 'student');
      if (!found.visible) throw forbidden();
      return { kind: 'student', id };
    }
    case 'teacherId':
      if (!(await staffExists(tx, id))) throw notFound('STAFF_NOT_FOUND', 'staff member');
      if (!all && !(ownClasses && actor.linkedStaffId === id)) throw forbidden();
      return { kind: 'teacher', id };
    case 'classId':
      if (!(await classTermId(tx, id))) throw notFound('CLASS_NOT_FOUND', 'class');
      if (!all && !(ownClasses && (await isClassTeacher(tx, id, actor.linkedStaffId ?? '')))) {
        throw forbidden();
      }
      return { kind: 'class', id };
    case 'sectionId': {
      const gradeLevelId = await sectionGradeLevel(tx, id);
      if (!gradeLevelId) throw notFound('SECTION_NOT_FOUND', 'section');
      if (!all) throw forbidden();
      return { kind: 'section', id, gradeLevelId };
    }
    case 'roomId':
      if (!(await roomExists(tx, id))) throw notFound('ROOM_NOT_FOUND', 'room');
      if (!all) throw forbidden();
      return { kind: 'room', id };
  }
}

async function resolveTerm(tx: Tx, ctx: TenantContext, query: WeekQuery): Promise<TermRow> {
  if (query.termId) {
    const term = await findTermById(tx, query.termId);
    if (!term) throw notFound('TERM_NOT_FOUND', 'term');
    return term;
  }
  // A class belongs to one term, so its week is that term's.
  if (query.classId) {
    const termId = await classTermId(tx, query.classId);
    const term = termId ? await findTermById(tx, termId) : null;
    if (term) return term;
  }
  const term = await findDefaultTerm(tx, schoolToday(ctx.school.timezone));
  if (!term) throw new AppError('TERM_NOT_FOUND', 'There is no term to show; choose one.');
  return term;
}

/** One week of the timetable: the term, every period (the grid's rows) and the entries. */
export async function getWeek(ctx: TenantContext, query: WeekQuery): Promise<Week> {
  requirePermission(ctx, 'timetable:read');
  const selected = oneSelector(query);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const selector = await resolveSelector(tx, ctx, selected);
    const term = await resolveTerm(tx, ctx, query);
    const [periodRows, entries] = [
      await listPeriods(tx),
      await listWeekEntries(tx, term, selector),
    ];
    return {
      term: toTermRef(term),
      periods: periodRows.map((p) => ({
        id: p.id,
        name: p.name,
        startsAt: clockTime(p.startsAt),
        endsAt: clockTime(p.endsAt),
        days: [...p.days].sort((x, y) => x - y),
      })),
      entries: entries.map(toEntry),
    };
  });
}

function dayItem(
  row: EntryViewRow,
  date: string,
  student: { id: string; name: string } | null,
): DayItem {
  const { id, ...entry } = toEntry(row);
  return { ...entry, entryId: id, date, student };
}

/**
 * The signed-in person's classes on a date: those she teaches (by her linked staff record),
 * attends (her student record) or her children attend (with portal access), by start time.
 */
export async function getMyDay(ctx: TenantContext, query: DayQuery): Promise<Day> {
  const { actor, scopes } = requirePermission(ctx, 'timetable:read');
  const date = query.date ?? schoolToday(ctx.school.timezone);
  const day = isoWeekday(date);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const termIds = (await termsContaining(tx, date)).map((t) => t.id);
    const items: DayItem[] = [];
    if (actor.linkedStaffId) {
      for (const row of await listTaughtOnDay(tx, termIds, day, actor.linkedStaffId)) {
        items.push(dayItem(row, date, null));
      }
    }
    const studentIds: string[] = [];
    if (actor.linkedStudentId && scopes.some((s) => s === 'self' || s === 'all')) {
      studentIds.push(actor.linkedStudentId);
    }
    if (actor.linkedGuardianId && scopes.some((s) => s === 'children' || s === 'all')) {
      studentIds.push(...(await listPortalChildren(tx, actor.linkedGuardianId)));
    }
    const attended = await listAttendedClasses(tx, [...new Set(studentIds)], date);
    if (attended.length > 0) {
      const rows = await listClassesOnDay(
        tx,
        termIds,
        day,
        attended.map((a) => a.classId),
      );
      for (const student of await findStudentNames(
        tx,
        attended.map((a) => a.studentId),
      )) {
        const name = `${student.firstName} ${student.lastName}`;
        const classIds = new Set(
          attended.filter((a) => a.studentId === student.id).map((a) => a.classId),
        );
        for (const row of rows) {
          if (classIds.has(row.classId)) items.push(dayItem(row, date, { id: student.id, name }));
        }
      }
    }
    items.sort(
      (a, b) =>
        a.period.startsAt.localeCompare(b.period.startsAt) ||
        a.class.name.localeCompare(b.class.name) ||
        (a.student?.name ?? '').localeCompare(b.student?.name ?? ''),
    );
    return {
      date,
      day,
      staffId: actor.linkedStaffId,
      studentId: actor.linkedStudentId,
      items,
    };
  });
}
