import type {
  AttendanceStatus,
  LockedReason,
  MarkCounts,
  MyRegister,
  MyRegisters,
  MyRegistersQuery,
  RegisterHistory,
  RegisterHistoryQuery,
  RegisterQuery,
  RegisterView,
  SavedRegister,
  SaveRegisterBody,
} from '../../../shared/contracts/attendance.js';
import { recordAudit } from '../../platform/audit/audit.js';
import {
  hasPermission,
  requirePermission,
  type Actor,
  type TenantContext,
} from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';
import { schoolToday } from '../enrollment/school-date.js';
import { coversRegister, readsRegisters, type RegisterOwner } from './attendance-access.js';
import { isoWeekday } from '../enrollment/school-date.js';
import { windowOpensOn } from './attendance-dates.js';
import {
  classPeriodsOn,
  classRoster,
  findClassInfo,
  findPeriod,
  findRegister,
  findRegisterFor,
  findSectionInfo,
  hasActiveUnlock,
  homeroomSections,
  insertHistory,
  insertRegisterIfAbsent,
  listHistory,
  listMarks,
  listMarksWithStudents,
  readSettings,
  registersOn,
  sectionRoster,
  studentsByIds,
  teachingSlotsOn,
  touchRegister,
  upsertMarks,
  type ClassInfo,
  type MarkRow,
  type PeriodInfo,
  type RegisterRow,
  type RegisterTarget,
  type RosterStudent,
  type SectionInfo,
} from './attendance.repository.js';

// Registers: reading one (with everyone present until recorded), saving the whole register
// at once, the history of its corrections, and a teacher's registers for a day.

function today(ctx: TenantContext): string {
  return schoolToday(ctx.school.timezone);
}

const forbidden = () => new AppError('FORBIDDEN', 'You do not have permission to do this.');
const invalid = (details: ErrorDetail[]) =>
  new AppError('VALIDATION_FAILED', 'The request is not valid.', details);

interface Resolved {
  target: RegisterTarget;
  owner: RegisterOwner;
  classInfo: ClassInfo | null;
  section: SectionInfo | null;
  period: PeriodInfo | null;
}

interface TargetInput {
  kind?: 'class' | 'daily';
  classId?: string;
  sectionId?: string;
  periodId?: string;
}

/** Which register is meant: exactly one of a class (with an optional period) or a section. */
function targetProblems(input: TargetInput): ErrorDetail[] {
  const kind = input.kind ?? (input.sectionId ? 'daily' : 'class');
  const problems: ErrorDetail[] = [];
  if (kind === 'class') {
    if (!input.classId) {
      problems.push({
        field: 'classId',
        code: 'required',
        message: input.kind ? 'is needed for a class register' : 'give a classId or a sectionId',
      });
    }
    if (input.sectionId) {
      problems.push({
        field: 'sectionId',
        code: 'one_target',
        message: 'must be left out for a class register',
      });
    }
  } else {
    if (!input.sectionId) {
      problems.push({
        field: 'sectionId',
        code: 'required',
        message: 'is needed for a daily register',
      });
    }
    if (input.classId) {
      problems.push({
        field: 'classId',
        code: 'one_target',
        message: 'must be left out for a daily register',
      });
    }
    if (input.periodId) {
      problems.push({
        field: 'periodId',
        code: 'one_target',
        message: 'a daily register has no period',
      });
    }
  }
  return problems;
}

async function resolveTarget(tx: Tx, input: TargetInput, date: string): Promise<Resolved> {
  const problems = targetProblems(input);
  if (problems.length > 0) throw invalid(problems);
  if (input.sectionId) {
    const section = await findSectionInfo(tx, input.sectionId);
    if (!section) throw new AppError('SECTION_NOT_FOUND', 'No such section.');
    return {
      target: { kind: 'daily', sectionId: section.id, date },
      owner: { kind: 'daily', section },
      classInfo: null,
      section,
      period: null,
    };
  }
  const classInfo = await findClassInfo(tx, input.classId ?? '');
  if (!classInfo) throw new AppError('CLASS_NOT_FOUND', 'No such class.');
  const period = input.periodId ? await findPeriod(tx, input.periodId) : null;
  if (input.periodId && !period) {
    throw invalid([{ field: 'periodId', code: 'unknown', message: 'is not a period here' }]);
  }
  return {
    target: { kind: 'class', classId: classInfo.id, periodId: period?.id ?? null, date },
    owner: { kind: 'class', classId: classInfo.id },
    classInfo,
    section: null,
    period,
  };
}

/**
 * Why the actor may not record this register on this date, or null when she may. The caller
 * has already checked that her scope covers the register.
 */
async function recordingLock(
  tx: Tx,
  actor: Actor,
  resolved: Resolved,
  date: string,
  on: string,
): Promise<LockedReason | null> {
  if (date > on) return 'future_date';
  const klass = resolved.classInfo;
  if (klass) {
    if (date < klass.termStartsOn || date > klass.termEndsOn) return 'outside_term';
    if (resolved.period) {
      const scheduled = await classPeriodsOn(tx, klass.id, klass.termId, isoWeekday(date));
      if (scheduled.length > 0 && !scheduled.includes(resolved.period.id)) {
        return 'period_not_scheduled';
      }
    }
  }
  if (hasPermission(actor, 'attendance:manage')) return null;
  const settings = await readSettings(tx);
  if (date >= windowOpensOn(on, settings.editWindowDays)) return null;
  if (actor.linkedStaffId && (await hasActiveUnlock(tx, actor.linkedStaffId, date))) return null;
  return 'window_closed';
}

async function refuseLock(
  tx: Tx,
  reason: LockedReason,
  resolved: Resolved,
  date: string,
  on: string,
): Promise<never> {
  switch (reason) {
    case 'no_permission':
      throw forbidden();
    case 'future_date':
      throw invalid([
        { field: 'date', code: 'future', message: `must not be after today (${on})` },
      ]);
    case 'outside_term': {
      const klass = resolved.classInfo;
      throw invalid([
        {
          field: 'date',
          code: 'outside_term',
          message: `must be within the class's term (${klass?.termStartsOn} to ${klass?.termEndsOn})`,
        },
      ]);
    }
    case 'period_not_scheduled':
      throw invalid([
        {
          field: 'periodId',
          code: 'not_scheduled',
          message: 'the class does not meet in this period on that weekday',
        },
      ]);
    case 'window_closed': {
      const settings = await readSettings(tx);
      const opens = windowOpensOn(on, settings.editWindowDays);
      throw new AppError(
        'ATTENDANCE_WINDOW_CLOSED',
        `Attendance for ${date} can no longer be recorded or corrected: the recording window ` +
          `starts on ${opens}. An administrator can unlock these dates for you.`,
        [{ field: 'date', code: 'window_closed', message: `must be on or after ${opens}` }],
      );
    }
  }
}

function compareStudents(a: RosterStudent, b: RosterStudent): number {
  if (a.lastName !== b.lastName) return a.lastName < b.lastName ? -1 : 1;
  if (a.firstName !== b.firstName) return a.firstName < b.firstName ? -1 : 1;
  return a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0;
}

/** The expected students on the date, plus anyone already marked in the register. */
async function rosterFor(
  tx: Tx,
  resolved: Resolved,
  date: string,
  marks: MarkRow[],
): Promise<RosterStudent[]> {
  const expected =
    resolved.target.kind === 'class'
      ? await classRoster(tx, resolved.target.classId, date)
      : await sectionRoster(tx, resolved.target.sectionId, date);
  const known = new Set(expected.map((s) => s.studentId));
  const extra = marks.map((m) => m.studentId).filter((id) => !known.has(id));
  if (extra.length === 0) return expected;
  return [...expected, ...(await studentsByIds(tx, extra))].sort(compareStudents);
}

function emptyCounts(): MarkCounts {
  return { present: 0, absent: 0, late: 0, excused: 0 };
}

function toView(
  resolved: Resolved,
  date: string,
  register: RegisterRow | null,
  roster: RosterStudent[],
  marks: Map<string, { status: AttendanceStatus; note: string | null }>,
  canRecord: boolean,
  lockedReason: LockedReason | null,
): RegisterView {
  const counts = emptyCounts();
  const rows = roster.map((student) => {
    const mark = marks.get(student.studentId) ?? { status: 'present' as const, note: null };
    counts[mark.status] += 1;
    return { ...student, status: mark.status, note: mark.note };
  });
  return {
    kind: resolved.target.kind,
    date,
    register: register
      ? {
          id: register.id,
          kind: register.kind,
          date: register.date,
          takenAt: register.takenAt.toISOString(),
          takenByName: register.takenByName,
          updatedAt: register.updatedAt.toISOString(),
          updatedByName: register.updatedByName,
        }
      : null,
    class: resolved.classInfo
      ? {
          id: resolved.classInfo.id,
          name: resolved.classInfo.name,
          termId: resolved.classInfo.termId,
        }
      : null,
    section: resolved.section
      ? {
          id: resolved.section.id,
          name: resolved.section.name,
          gradeLevelName: resolved.section.gradeLevelName,
        }
      : null,
    period: resolved.period,
    roster: rows,
    counts,
    canRecord,
    lockedReason,
  };
}

function markMap(marks: MarkRow[]) {
  return new Map(marks.map((m) => [m.studentId, { status: m.status, note: m.note }]));
}

/** A register for a class (and period) or a section on a date, with the marks recorded so far. */
export async function getRegister(ctx: TenantContext, query: RegisterQuery): Promise<RegisterView> {
  const { actor, scopes } = requirePermission(ctx, 'attendance:read');
  if (!readsRegisters(scopes)) throw forbidden();
  const on = today(ctx);
  const date = query.date ?? on;
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const resolved = await resolveTarget(tx, query, date);
    if (!(await coversRegister(tx, actor, scopes, resolved.owner))) throw forbidden();
    const register = await findRegisterFor(tx, resolved.target);
    const marks = register ? await listMarks(tx, register.id) : [];
    const roster = await rosterFor(tx, resolved, date, marks);
    const records = await coversRegister(
      tx,
      actor,
      actor.grants['attendance:record'],
      resolved.owner,
    );
    const lockedReason = records
      ? await recordingLock(tx, actor, resolved, date, on)
      : 'no_permission';
    return toView(
      resolved,
      date,
      register,
      roster,
      markMap(marks),
      lockedReason === null,
      lockedReason,
    );
  });
}

function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Saves a whole register in one transaction: listed students get the given status, everyone
 * else on the roster is present. The first save creates the register (the unique indexes make
 * a concurrent first save an update instead); later saves change only what differs, and each
 * changed mark gets a history row.
 */
export async function saveRegister(
  ctx: TenantContext,
  input: SaveRegisterBody,
): Promise<SavedRegister> {
  const { actor, scopes } = requirePermission(ctx, 'attendance:record');
  const seen = new Set<string>();
  const duplicates: ErrorDetail[] = [];
  input.marks.forEach((mark, index) => {
    if (seen.has(mark.studentId)) {
      duplicates.push({
        field: `marks.${index}.studentId`,
        code: 'duplicate',
        message: 'this student is listed twice',
      });
    }
    seen.add(mark.studentId);
  });
  if (duplicates.length > 0) throw invalid(duplicates);
  const on = today(ctx);
  const date = input.date;
  const reason = cleanText(input.reason);
  const who = { userId: actor.userId, name: actor.name };

  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const resolved = await resolveTarget(tx, input, date);
    if (!(await coversRegister(tx, actor, scopes, resolved.owner))) throw forbidden();
    const lock = await recordingLock(tx, actor, resolved, date, on);
    if (lock) await refuseLock(tx, lock, resolved, date, on);

    const target = resolved.target;
    let register = await insertRegisterIfAbsent(tx, {
      schoolId: ctx.schoolId,
      id: newId(),
      kind: target.kind,
      date,
      sectionId: target.kind === 'daily' ? target.sectionId : null,
      classId: target.kind === 'class' ? target.classId : null,
      periodId: target.kind === 'class' ? target.periodId : null,
      takenBy: who.userId,
      takenByName: who.name,
      updatedBy: who.userId,
      updatedByName: who.name,
    });
    const created = register !== null;
    if (!register) register = await findRegisterFor(tx, target, 'update');
    if (!register) throw new Error('attendance register vanished between insert and select');
    const existing = created ? [] : await listMarks(tx, register.id, 'update');
    const roster = await rosterFor(tx, resolved, date, existing);

    const onRoster = new Set(roster.map((s) => s.studentId));
    const strangers: ErrorDetail[] = [];
    input.marks.forEach((mark, index) => {
      if (!onRoster.has(mark.studentId)) {
        strangers.push({
          field: `marks.${index}.studentId`,
          code: 'not_on_roster',
          message: `student ${mark.studentId} is not on this register's roster on ${date}`,
        });
      }
    });
    if (strangers.length > 0) {
      throw new AppError(
        'NOT_ON_ROSTER',
        'Some students are not on this register; nothing was saved.',
        strangers,
      );
    }

    const listed = new Map(
      input.marks.map((m) => [m.studentId, { status: m.status, note: cleanText(m.note) }]),
    );
    const current = markMap(existing);
    const writes: Parameters<typeof upsertMarks>[1] = [];
    const changes: Parameters<typeof insertHistory>[1] = [];
    const desired = new Map<string, { status: AttendanceStatus; note: string | null }>();
    for (const student of roster) {
      const want = listed.get(student.studentId) ?? { status: 'present' as const, note: null };
      desired.set(student.studentId, want);
      const had = current.get(student.studentId);
      if (had && had.status === want.status && had.note === want.note) continue;
      writes.push({
        schoolId: ctx.schoolId,
        registerId: register.id,
        studentId: student.studentId,
        date,
        status: want.status,
        note: want.note,
        updatedBy: who.userId,
        updatedByName: who.name,
      });
      if (had) {
        changes.push({
          schoolId: ctx.schoolId,
          id: newId(),
          registerId: register.id,
          studentId: student.studentId,
          previousStatus: had.status,
          previousNote: had.note,
          newStatus: want.status,
          newNote: want.note,
          reason,
          changedBy: who.userId,
          changedByName: who.name,
        });
      }
    }
    await upsertMarks(tx, writes);
    await insertHistory(tx, changes);
    if (!created) register = await touchRegister(tx, register.id, who);

    const view = toView(resolved, date, register, roster, desired, true, null);
    const counts = { ...view.counts, changed: changes.length };
    await recordAudit(tx, ctx, {
      action: created ? 'attendance_register.created' : 'attendance_register.updated',
      entityType: 'attendance_register',
      entityId: register.id,
      after: {
        kind: register.kind,
        date,
        classId: register.classId,
        sectionId: register.sectionId,
        periodId: register.periodId,
        students: roster.length,
        counts,
        ...(reason ? { reason } : {}),
      },
    });
    return { ...view, counts };
  });
}

/** Every mark of a register with the changes made to it since it was first recorded. */
export async function getRegisterHistory(
  ctx: TenantContext,
  unverifiedId: string,
  query: RegisterHistoryQuery,
): Promise<RegisterHistory> {
  const { actor, scopes } = requirePermission(ctx, 'attendance:read');
  if (!readsRegisters(scopes)) throw forbidden();
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const register = await findRegister(tx, unverifiedId);
    if (!register) throw new AppError('ATTENDANCE_REGISTER_NOT_FOUND', 'No such register.');
    const section =
      register.kind === 'daily' && register.sectionId
        ? await findSectionInfo(tx, register.sectionId)
        : null;
    const owner: RegisterOwner | null =
      register.kind === 'class' && register.classId
        ? { kind: 'class', classId: register.classId }
        : section
          ? { kind: 'daily', section }
          : null;
    if (!owner || !(await coversRegister(tx, actor, scopes, owner))) throw forbidden();
    const marks = await listMarksWithStudents(tx, register.id, query.studentId);
    const history = await listHistory(tx, register.id, query.studentId);
    return {
      registerId: register.id,
      items: marks.map((mark) => ({
        studentId: mark.studentId,
        firstName: mark.firstName,
        lastName: mark.lastName,
        status: mark.status,
        note: mark.note,
        updatedAt: mark.updatedAt.toISOString(),
        updatedByName: mark.updatedByName,
        changes: history
          .filter((h) => h.studentId === mark.studentId)
          .map((h) => ({
            id: h.id,
            previousStatus: h.previousStatus,
            previousNote: h.previousNote,
            newStatus: h.newStatus,
            newNote: h.newNote,
            reason: h.reason,
            changedByName: h.changedByName,
            changedAt: h.changedAt.toISOString(),
          })),
      })),
    };
  });
}

/**
 * The registers a teacher takes on a day: her homeroom sections' daily registers, then her
 * lessons from the timetable in the term containing the date. Empty for anyone not linked to
 * a staff record who records attendance.
 */
export async function listMyRegisters(
  ctx: TenantContext,
  query: MyRegistersQuery,
): Promise<MyRegisters> {
  const { actor } = requirePermission(ctx, 'attendance:read');
  const date = query.date ?? today(ctx);
  const staffId = actor.linkedStaffId;
  if (!staffId || !hasPermission(actor, 'attendance:record')) return { date, items: [] };
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const slots = await teachingSlotsOn(tx, staffId, date, isoWeekday(date));
    const homerooms = await homeroomSections(tx, staffId);
    const registers = await registersOn(
      tx,
      date,
      slots.map((s) => s.classId),
      homerooms.map((s) => s.id),
    );
    const countsOf = (found: (typeof registers)[number] | undefined) =>
      found
        ? {
            present: found.present,
            absent: found.absent,
            late: found.late,
            excused: found.excused,
          }
        : null;
    const items: MyRegister[] = [];
    for (const section of homerooms) {
      const found = registers.find((r) => r.kind === 'daily' && r.sectionId === section.id);
      items.push({
        kind: 'daily',
        class: null,
        section,
        period: null,
        startsAt: null,
        taken: Boolean(found),
        registerId: found?.id ?? null,
        counts: countsOf(found),
      });
    }
    for (const slot of slots) {
      const found = registers.find(
        (r) => r.kind === 'class' && r.classId === slot.classId && r.periodId === slot.period.id,
      );
      items.push({
        kind: 'class',
        class: { id: slot.classId, name: slot.className },
        section: null,
        period: slot.period,
        startsAt: slot.period.startsAt,
        taken: Boolean(found),
        registerId: found?.id ?? null,
        counts: countsOf(found),
      });
    }
    return { date, items };
  });
}
