import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import {
  academicYears,
  classes,
  classTeachers,
  gradeLevels,
  sections,
  subjects,
  terms,
} from '../academics/academics.table.js';
import { attendanceMarks, attendanceRegisters } from '../attendance/attendance.table.js';
import { classEnrollments, sectionEnrollments } from '../enrollment/enrollment.table.js';
import { staff, students } from '../people/people.table.js';
import { reportCardComments, reportCardPublications, reportCards } from './report-cards.table.js';

// Queries for report cards. A student belongs to a term when one of her class enrollments in a
// class of that term overlaps the term's dates. Her section for a term is her section
// enrollment for the term's academic year, or her current section when she has none that year.

export interface TermRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  academicYearId: string;
  academicYearName: string;
}

export type CommentRow = typeof reportCardComments.$inferSelect;
export type PublicationRow = typeof reportCardPublications.$inferSelect;
export type ReportCardRow = typeof reportCards.$inferSelect;

type TermDates = Pick<TermRow, 'id' | 'startsOn' | 'endsOn'>;

// The outer `students` row in raw SQL. Wrapped so that drizzle qualifies them even in a select
// list, where it prints bare columns of a one-table query without their table.
const outer = {
  schoolId: sql`${students.schoolId}`,
  id: sql`${students.id}`,
  sectionId: sql`${students.sectionId}`,
};

/** The enrollment overlaps the term (both ends belong to the range). */
function overlapsTerm(term: TermDates): SQL {
  return sql`${classEnrollments.startsOn} <= ${term.endsOn} and (${classEnrollments.endsOn} is null or ${classEnrollments.endsOn} >= ${term.startsOn})`;
}

/** The student's section for the term's year (see the file comment), as an expression. */
function yearSectionOf(academicYearId: string): SQL {
  return sql`coalesce((select se.section_id from ${sectionEnrollments} se
     where se.school_id = ${outer.schoolId} and se.student_id = ${outer.id}
       and se.academic_year_id = ${academicYearId}), ${outer.sectionId})`;
}

/** The student (outer `students` row) has a class in the term; `extra` narrows the class `c`. */
function inTerm(term: TermDates, extra: SQL = sql``): SQL {
  return sql`exists (select 1 from ${classEnrollments} ce
     join ${classes} c on c.school_id = ce.school_id and c.id = ce.class_id
    where ce.school_id = ${outer.schoolId} and ce.student_id = ${outer.id}
      and c.term_id = ${term.id} and ce.starts_on <= ${term.endsOn}
      and (ce.ends_on is null or ce.ends_on >= ${term.startsOn}) ${extra})`;
}

/**
 * A teacher's students for a term: enrolled in a class of the term she teaches, or in the
 * section she is the homeroom teacher of (for the term's year).
 */
export function teacherStudentsCondition(term: TermRow, staffId: string): SQL {
  const teaches = sql`and exists (select 1 from ${classTeachers} ct
     where ct.school_id = c.school_id and ct.class_id = c.id and ct.staff_id = ${staffId})`;
  return sql`(${inTerm(term, teaches)} or exists (select 1 from ${sections} hs
     where hs.school_id = ${outer.schoolId} and hs.id = ${yearSectionOf(term.academicYearId)}
       and hs.homeroom_teacher_id = ${staffId}))`;
}

export async function findTerm(
  tx: Tx,
  id: string,
  lock?: 'share' | 'no key update',
): Promise<TermRow | null> {
  const query = tx
    .select({
      id: terms.id,
      name: terms.name,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      academicYearId: terms.academicYearId,
      academicYearName: academicYears.name,
    })
    .from(terms)
    .innerJoin(
      academicYears,
      and(eq(academicYears.schoolId, terms.schoolId), eq(academicYears.id, terms.academicYearId)),
    )
    .where(eq(terms.id, id))
    .limit(1);
  const rows = lock ? await query.for(lock, { of: terms }) : await query;
  return rows[0] ?? null;
}

export async function findPublication(tx: Tx, termId: string): Promise<PublicationRow | null> {
  const rows = await tx
    .select()
    .from(reportCardPublications)
    .where(eq(reportCardPublications.termId, termId))
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertPublication(
  tx: Tx,
  row: typeof reportCardPublications.$inferInsert,
): Promise<PublicationRow> {
  const rows = await tx
    .insert(reportCardPublications)
    .values(row)
    .onConflictDoUpdate({
      target: [reportCardPublications.schoolId, reportCardPublications.termId],
      set: {
        publishedAt: sql`excluded.published_at`,
        publishedBy: sql`excluded.published_by`,
        publishedByName: sql`excluded.published_by_name`,
      },
    })
    .returning();
  const saved = rows[0];
  if (!saved) throw new Error('upsert into report_card_publications returned no row');
  return saved;
}

export async function deletePublication(tx: Tx, termId: string): Promise<PublicationRow | null> {
  const rows = await tx
    .delete(reportCardPublications)
    .where(eq(reportCardPublications.termId, termId))
    .returning();
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Students, classes and rosters

export interface StudentRef {
  id: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  sectionId: string | null;
}

/** The student with her section for the term's year, when `visible` (a scope) holds. */
export async function findStudentForTerm(
  tx: Tx,
  term: TermRow,
  studentId: string,
  visible: SQL | null = null,
): Promise<StudentRef | null> {
  const rows = await tx
    .select({
      id: students.id,
      admissionNumber: students.admissionNumber,
      firstName: students.firstName,
      lastName: students.lastName,
      sectionId: sql<string | null>`${yearSectionOf(term.academicYearId)}`,
    })
    .from(students)
    .where(and(eq(students.id, studentId), visible ?? undefined))
    .limit(1);
  return rows[0] ?? null;
}

/** Whether the student passes a relationship scope (null: everyone). */
export async function studentVisible(
  tx: Tx,
  studentId: string,
  visible: SQL | null,
): Promise<boolean> {
  const rows = await tx
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.id, studentId), visible ?? undefined))
    .limit(1);
  return rows.length === 1;
}

export interface ClassRef {
  id: string;
  name: string;
  termId: string;
}

export async function findClass(tx: Tx, id: string): Promise<ClassRef | null> {
  const rows = await tx
    .select({ id: classes.id, name: classes.name, termId: classes.termId })
    .from(classes)
    .where(eq(classes.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function teachesClass(tx: Tx, staffId: string, classId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: classTeachers.classId })
    .from(classTeachers)
    .where(and(eq(classTeachers.classId, classId), eq(classTeachers.staffId, staffId)))
    .limit(1);
  return rows.length === 1;
}

export interface SectionRef {
  id: string;
  name: string;
  homeroomTeacherId: string | null;
}

export async function findSection(tx: Tx, id: string): Promise<SectionRef | null> {
  const rows = await tx
    .select({
      id: sections.id,
      name: sections.name,
      homeroomTeacherId: sections.homeroomTeacherId,
    })
    .from(sections)
    .where(eq(sections.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function isOnClassRoster(
  tx: Tx,
  term: TermDates,
  classId: string,
  studentId: string,
): Promise<boolean> {
  const rows = await tx
    .select({ id: classEnrollments.id })
    .from(classEnrollments)
    .where(
      and(
        eq(classEnrollments.classId, classId),
        eq(classEnrollments.studentId, studentId),
        overlapsTerm(term),
      ),
    )
    .limit(1);
  return rows.length === 1;
}

export interface RosterStudent {
  studentId: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
}

const rosterColumns = {
  studentId: students.id,
  admissionNumber: students.admissionNumber,
  firstName: students.firstName,
  lastName: students.lastName,
};

/** Students enrolled in the class at some point in the term, by name. */
export async function listClassRoster(
  tx: Tx,
  term: TermDates,
  classId: string,
): Promise<RosterStudent[]> {
  return tx
    .select(rosterColumns)
    .from(students)
    .where(
      sql`exists (select 1 from ${classEnrollments} ce
        where ce.school_id = ${outer.schoolId} and ce.student_id = ${outer.id}
          and ce.class_id = ${classId} and ce.starts_on <= ${term.endsOn}
          and (ce.ends_on is null or ce.ends_on >= ${term.startsOn}))`,
    )
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
}

/** Students in the section for the term's year, by name. */
export async function listSectionRoster(
  tx: Tx,
  term: TermRow,
  sectionId: string,
): Promise<RosterStudent[]> {
  return tx
    .select(rosterColumns)
    .from(students)
    .where(sql`${yearSectionOf(term.academicYearId)} = ${sectionId}`)
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
}

/** Classes of the term, optionally only those a teacher teaches, by subject and name. */
export async function listTermClasses(
  tx: Tx,
  termId: string,
  staffId: string | null,
): Promise<{ id: string; name: string; subjectName: string }[]> {
  return tx
    .select({ id: classes.id, name: classes.name, subjectName: subjects.name })
    .from(classes)
    .innerJoin(
      subjects,
      and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
    )
    .where(
      and(
        eq(classes.termId, termId),
        staffId
          ? sql`exists (select 1 from ${classTeachers} ct
              where ct.school_id = ${classes.schoolId} and ct.class_id = ${classes.id}
                and ct.staff_id = ${staffId})`
          : undefined,
      ),
    )
    .orderBy(asc(subjects.name), asc(classes.name), asc(classes.id));
}

/** Sections, optionally only those whose homeroom teacher is `staffId`, by grade and name. */
export async function listSections(
  tx: Tx,
  homeroomTeacherId: string | null,
): Promise<{ id: string; name: string; gradeLevelName: string }[]> {
  return tx
    .select({ id: sections.id, name: sections.name, gradeLevelName: gradeLevels.name })
    .from(sections)
    .innerJoin(
      gradeLevels,
      and(eq(gradeLevels.schoolId, sections.schoolId), eq(gradeLevels.id, sections.gradeLevelId)),
    )
    .where(homeroomTeacherId ? eq(sections.homeroomTeacherId, homeroomTeacherId) : undefined)
    .orderBy(asc(gradeLevels.sortOrder), asc(sections.name), asc(sections.id));
}

// ---------------------------------------------------------------------------------------------
// Overview

export interface OverviewRow {
  studentId: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  sectionName: string | null;
  classesCount: number;
  classCommentsMissing: number;
  hasHomeroomComment: boolean;
  hasCard: boolean;
}

/** A keyset page of the term's students (by last name, first name, id) with their counts. */
export async function listOverview(
  tx: Tx,
  term: TermRow,
  filter: {
    sectionId?: string;
    visible: SQL | null;
    limit: number;
    after?: { lastName: string; firstName: string; id: string };
  },
): Promise<OverviewRow[]> {
  const yearSection = yearSectionOf(term.academicYearId);
  const termClasses = sql`from ${classEnrollments} ce
      join ${classes} c on c.school_id = ce.school_id and c.id = ce.class_id
     where ce.school_id = ${outer.schoolId} and ce.student_id = ${outer.id}
       and c.term_id = ${term.id} and ce.starts_on <= ${term.endsOn}
       and (ce.ends_on is null or ce.ends_on >= ${term.startsOn})`;
  const conditions: (SQL | undefined)[] = [
    inTerm(term),
    filter.sectionId ? sql`${yearSection} = ${filter.sectionId}` : undefined,
    filter.visible ?? undefined,
  ];
  if (filter.after) {
    const { lastName, firstName, id } = filter.after;
    conditions.push(
      sql`(${students.lastName}, ${students.firstName}, ${outer.id}) > (${lastName}, ${firstName}, ${id})`,
    );
  }
  return tx
    .select({
      studentId: students.id,
      admissionNumber: students.admissionNumber,
      firstName: students.firstName,
      lastName: students.lastName,
      sectionName: sql<string | null>`(select s2.name from ${sections} s2
        where s2.school_id = ${outer.schoolId} and s2.id = ${yearSection})`,
      classesCount: sql<number>`(select count(distinct c.id) ${termClasses})`.mapWith(Number),
      classCommentsMissing: sql<number>`(select count(distinct c.id) ${termClasses}
        and not exists (select 1 from ${reportCardComments} rcc
          where rcc.school_id = c.school_id and rcc.term_id = ${term.id}
            and rcc.student_id = ce.student_id and rcc.class_id = c.id))`.mapWith(Number),
      hasHomeroomComment: sql<boolean>`exists (select 1 from ${reportCardComments} rch
        where rch.school_id = ${outer.schoolId} and rch.term_id = ${term.id}
          and rch.student_id = ${outer.id} and rch.class_id is null)`,
      hasCard: sql<boolean>`exists (select 1 from ${reportCards} rc
        where rc.school_id = ${outer.schoolId} and rc.term_id = ${term.id}
          and rc.student_id = ${outer.id})`,
    })
    .from(students)
    .where(and(...conditions))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id))
    .limit(filter.limit + 1);
}

// ---------------------------------------------------------------------------------------------
// What a card is computed from

export interface CardStudentRow {
  id: string;
  admissionNumber: string;
  firstName: string;
  lastName: string;
  sectionName: string | null;
  gradeLevelName: string | null;
}

/** The term's students (all, or those given) with their section and grade for the year. */
export async function listCardStudents(
  tx: Tx,
  term: TermRow,
  studentIds: string[] | null,
): Promise<CardStudentRow[]> {
  if (studentIds?.length === 0) return [];
  const yearSection = yearSectionOf(term.academicYearId);
  const rows = await tx
    .select({
      id: students.id,
      admissionNumber: students.admissionNumber,
      firstName: students.firstName,
      lastName: students.lastName,
      section: sql<{ name: string; grade: string } | null>`(select json_build_object(
          'name', s2.name, 'grade', g2.name)
        from ${sections} s2 join ${gradeLevels} g2
          on g2.school_id = s2.school_id and g2.id = s2.grade_level_id
       where s2.school_id = ${outer.schoolId} and s2.id = ${yearSection})`,
    })
    .from(students)
    .where(and(inTerm(term), studentIds ? inArray(students.id, studentIds) : undefined))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
  return rows.map(({ section, ...row }) => ({
    ...row,
    sectionName: section?.name ?? null,
    gradeLevelName: section?.grade ?? null,
  }));
}

/** Distinct (student, class) pairs of the term's enrollments. */
export async function listTermEnrollments(
  tx: Tx,
  term: TermDates,
  studentIds: string[] | null,
): Promise<{ studentId: string; classId: string }[]> {
  if (studentIds?.length === 0) return [];
  return tx
    .selectDistinct({ studentId: classEnrollments.studentId, classId: classEnrollments.classId })
    .from(classEnrollments)
    .innerJoin(
      classes,
      and(
        eq(classes.schoolId, classEnrollments.schoolId),
        eq(classes.id, classEnrollments.classId),
      ),
    )
    .where(
      and(
        eq(classes.termId, term.id),
        overlapsTerm(term),
        studentIds ? inArray(classEnrollments.studentId, studentIds) : undefined,
      ),
    );
}

export interface CardClassRow {
  id: string;
  name: string;
  subjectName: string;
  teacherNames: string[];
}

/** Every class of the term with its subject and teachers' names. */
export async function listCardClasses(tx: Tx, termId: string): Promise<CardClassRow[]> {
  const rows = await tx
    .select({ id: classes.id, name: classes.name, subjectName: subjects.name })
    .from(classes)
    .innerJoin(
      subjects,
      and(eq(subjects.schoolId, classes.schoolId), eq(subjects.id, classes.subjectId)),
    )
    .where(eq(classes.termId, termId))
    .orderBy(asc(subjects.name), asc(classes.name), asc(classes.id));
  const teachers = await tx
    .select({
      classId: classTeachers.classId,
      firstName: staff.firstName,
      lastName: staff.lastName,
    })
    .from(classTeachers)
    .innerJoin(
      classes,
      and(eq(classes.schoolId, classTeachers.schoolId), eq(classes.id, classTeachers.classId)),
    )
    .innerJoin(
      staff,
      and(eq(staff.schoolId, classTeachers.schoolId), eq(staff.id, classTeachers.staffId)),
    )
    .where(eq(classes.termId, termId))
    .orderBy(asc(staff.lastName), asc(staff.firstName), asc(staff.id));
  const names = new Map<string, string[]>();
  for (const t of teachers) {
    const list = names.get(t.classId) ?? [];
    list.push(`${t.firstName} ${t.lastName}`);
    names.set(t.classId, list);
  }
  return rows.map((r) => ({ ...r, teacherNames: names.get(r.id) ?? [] }));
}

export async function listTermComments(
  tx: Tx,
  termId: string,
  studentIds: string[] | null,
): Promise<CommentRow[]> {
  if (studentIds?.length === 0) return [];
  return tx
    .select()
    .from(reportCardComments)
    .where(
      and(
        eq(reportCardComments.termId, termId),
        studentIds ? inArray(reportCardComments.studentId, studentIds) : undefined,
      ),
    );
}

export interface AttendanceCountRow {
  studentId: string;
  kind: string;
  status: string;
  count: number;
}

/** Marks in the term's dates per student, register kind and status. */
export async function countTermAttendance(
  tx: Tx,
  term: TermDates,
  studentIds: string[] | null,
): Promise<AttendanceCountRow[]> {
  if (studentIds?.length === 0) return [];
  return tx
    .select({
      studentId: attendanceMarks.studentId,
      kind: attendanceRegisters.kind,
      status: attendanceMarks.status,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(attendanceMarks)
    .innerJoin(
      attendanceRegisters,
      and(
        eq(attendanceRegisters.schoolId, attendanceMarks.schoolId),
        eq(attendanceRegisters.id, attendanceMarks.registerId),
      ),
    )
    .where(
      and(
        sql`${attendanceMarks.date} between ${term.startsOn} and ${term.endsOn}`,
        studentIds ? inArray(attendanceMarks.studentId, studentIds) : undefined,
      ),
    )
    .groupBy(attendanceMarks.studentId, attendanceRegisters.kind, attendanceMarks.status);
}

// ---------------------------------------------------------------------------------------------
// Comments

export async function findComment(tx: Tx, id: string, lock?: 'update'): Promise<CommentRow | null> {
  const query = tx.select().from(reportCardComments).where(eq(reportCardComments.id, id)).limit(1);
  const rows = lock ? await query.for(lock) : await query;
  return rows[0] ?? null;
}

export async function findCommentFor(
  tx: Tx,
  key: { termId: string; studentId: string; classId: string | null },
): Promise<CommentRow | null> {
  const rows = await tx
    .select()
    .from(reportCardComments)
    .where(
      and(
        eq(reportCardComments.termId, key.termId),
        eq(reportCardComments.studentId, key.studentId),
        key.classId === null
          ? isNull(reportCardComments.classId)
          : eq(reportCardComments.classId, key.classId),
      ),
    )
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts the comment, or replaces the body of the one already there for the same key. */
export async function upsertComment(
  tx: Tx,
  row: typeof reportCardComments.$inferInsert,
): Promise<CommentRow> {
  const rows = await tx
    .insert(reportCardComments)
    .values(row)
    .onConflictDoUpdate({
      target: [
        reportCardComments.schoolId,
        reportCardComments.termId,
        reportCardComments.studentId,
        reportCardComments.classId,
      ],
      set: {
        body: sql`excluded.body`,
        authorId: sql`excluded.author_id`,
        authorName: sql`excluded.author_name`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  const saved = rows[0];
  if (!saved) throw new Error('upsert into report_card_comments returned no row');
  return saved;
}

export async function deleteComment(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(reportCardComments)
    .where(eq(reportCardComments.id, id))
    .returning({ id: reportCardComments.id });
  return rows.length === 1;
}

/** The term's comments on these students for one class, or their homeroom comments (null). */
export async function listGroupComments(
  tx: Tx,
  termId: string,
  classId: string | null,
  studentIds: string[],
): Promise<CommentRow[]> {
  if (studentIds.length === 0) return [];
  return tx
    .select()
    .from(reportCardComments)
    .where(
      and(
        eq(reportCardComments.termId, termId),
        classId === null
          ? isNull(reportCardComments.classId)
          : eq(reportCardComments.classId, classId),
        inArray(reportCardComments.studentId, studentIds),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots

const SNAPSHOT_BATCH = 200;

export async function upsertReportCards(
  tx: Tx,
  rows: (typeof reportCards.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += SNAPSHOT_BATCH) {
    await tx
      .insert(reportCards)
      .values(rows.slice(i, i + SNAPSHOT_BATCH))
      .onConflictDoUpdate({
        target: [reportCards.schoolId, reportCards.termId, reportCards.studentId],
        set: { content: sql`excluded.content`, publishedAt: sql`excluded.published_at` },
      });
  }
}

/** Removes every snapshot of the term (publishing writes them all again). */
export async function deleteTermReportCards(tx: Tx, termId: string): Promise<void> {
  await tx.delete(reportCards).where(eq(reportCards.termId, termId));
}

export async function findReportCard(
  tx: Tx,
  termId: string,
  studentId: string,
): Promise<(ReportCardRow & { published: boolean }) | null> {
  const rows = await tx
    .select({
      card: reportCards,
      published: sql<boolean>`${reportCardPublications.termId} is not null`,
    })
    .from(reportCards)
    .leftJoin(
      reportCardPublications,
      and(
        eq(reportCardPublications.schoolId, reportCards.schoolId),
        eq(reportCardPublications.termId, reportCards.termId),
      ),
    )
    .where(and(eq(reportCards.termId, termId), eq(reportCards.studentId, studentId)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.card, published: row.published } : null;
}

export interface PublishedCardRow {
  termId: string;
  termName: string;
  academicYearName: string;
  termStartsOn: string;
  publishedAt: Date;
}

/** The student's cards in published terms, newest term first. */
export async function listPublishedCards(tx: Tx, studentId: string): Promise<PublishedCardRow[]> {
  return tx
    .select({
      termId: terms.id,
      termName: terms.name,
      academicYearName: academicYears.name,
      termStartsOn: terms.startsOn,
      publishedAt: reportCards.publishedAt,
    })
    .from(reportCards)
    .innerJoin(
      reportCardPublications,
      and(
        eq(reportCardPublications.schoolId, reportCards.schoolId),
        eq(reportCardPublications.termId, reportCards.termId),
      ),
    )
    .innerJoin(
      terms,
      and(eq(terms.schoolId, reportCards.schoolId), eq(terms.id, reportCards.termId)),
    )
    .innerJoin(
      academicYears,
      and(eq(academicYears.schoolId, terms.schoolId), eq(academicYears.id, terms.academicYearId)),
    )
    .where(eq(reportCards.studentId, studentId))
    .orderBy(sql`${terms.startsOn} desc`, asc(terms.id));
}
