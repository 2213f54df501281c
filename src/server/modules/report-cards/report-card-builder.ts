import type { Tx } from '../../platform/db/database.js';
import { defaultScale, termAveragesForStudents } from '../gradebook/gradebook-averages.js';
import type {
  ReportCardAttendance,
  ReportCardClassLine,
  ReportCardContent,
} from './report-card-content.js';
import {
  countTermAttendance,
  listCardClasses,
  listCardStudents,
  listTermComments,
  listTermEnrollments,
  type AttendanceCountRow,
  type CommentRow,
  type TermRow,
} from './report-cards.repository.js';

// Computes report cards as they stand now: for the preview (one student) and for publishing
// (every student of the term at once, with the same handful of queries whatever their number).

export interface SchoolIdentity {
  name: string;
  locale: 'en' | 'ar';
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * One student's attendance over the term: her daily-register marks when she has any in the
 * term, otherwise her class-register marks (so a day is not counted once per lesson as well).
 */
export function attendanceSummary(rows: readonly AttendanceCountRow[]): ReportCardAttendance {
  const daily = rows.filter((r) => r.kind === 'daily');
  const counted = daily.length > 0 ? daily : rows.filter((r) => r.kind === 'class');
  const of = (status: string) =>
    counted.filter((r) => r.status === status).reduce((sum, r) => sum + r.count, 0);
  const present = of('present');
  const absent = of('absent');
  const late = of('late');
  const excused = of('excused');
  const total = present + absent + late + excused;
  return {
    present,
    absent,
    late,
    excused,
    total,
    ratePercent: total > 0 ? round2(((present + late) / total) * 100) : null,
  };
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const grouped = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = grouped.get(k);
    if (list) list.push(row);
    else grouped.set(k, [row]);
  }
  return grouped;
}

/**
 * The cards of the term's students (`studentIds` null: all of them), in name order. A student
 * appears when she has a class enrollment overlapping the term.
 */
export async function buildReportCards(
  tx: Tx,
  schoolId: string,
  term: TermRow,
  studentIds: string[] | null,
  school: SchoolIdentity,
  now: Date = new Date(),
): Promise<ReportCardContent[]> {
  const people = await listCardStudents(tx, term, studentIds);
  if (people.length === 0) return [];
  // With every student of the term wanted, filtering by term is cheaper than a list of ids.
  const ids = studentIds === null ? null : people.map((p) => p.id);
  const enrollments = groupBy(await listTermEnrollments(tx, term, ids), (e) => e.studentId);
  const termClasses = await listCardClasses(tx, term.id);
  const averages = await termAveragesForStudents(tx, schoolId, term.id, ids);
  const scale = await defaultScale(tx, schoolId);
  const comments = groupBy(await listTermComments(tx, term.id, ids), (c) => c.studentId);
  const attendance = groupBy(await countTermAttendance(tx, term, ids), (a) => a.studentId);
  const generatedAt = now.toISOString();

  return people.map((person) => {
    const own = new Set((enrollments.get(person.id) ?? []).map((e) => e.classId));
    const ownComments = new Map<string | null, CommentRow>(
      (comments.get(person.id) ?? []).map((c) => [c.classId, c]),
    );
    const ownAverages = averages.get(person.id);
    const lines: ReportCardClassLine[] = termClasses
      .filter((c) => own.has(c.id))
      .map((c) => {
        const average = ownAverages?.get(c.id);
        const comment = ownComments.get(c.id);
        return {
          classId: c.id,
          className: c.name,
          subjectName: c.subjectName,
          teacherNames: c.teacherNames,
          average: average?.percent ?? null,
          band: average?.band ?? null,
          comment: comment?.body ?? null,
          commentAuthor: comment?.authorName ?? null,
        };
      });
    const homeroom = ownComments.get(null);
    return {
      version: 1,
      school: { name: school.name, locale: school.locale },
      term: {
        id: term.id,
        name: term.name,
        startsOn: term.startsOn,
        endsOn: term.endsOn,
        academicYearName: term.academicYearName,
      },
      student: {
        id: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        studentNumber: person.admissionNumber,
        gradeLevelName: person.gradeLevelName,
        sectionName: person.sectionName,
      },
      scaleName: scale.name,
      classes: lines,
      attendance: attendanceSummary(attendance.get(person.id) ?? []),
      homeroomComment: homeroom ? { body: homeroom.body, authorName: homeroom.authorName } : null,
      generatedAt,
    };
  });
}
