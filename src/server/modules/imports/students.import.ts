import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { GENDERS, STUDENT_STATUSES } from '../people/people.table.js';
import { canTransition, COUNTED_STUDENT_STATUSES } from '../people/student-status.js';
import { assertCanAddStudents } from '../schools/limits.js';
import { reportDuplicates, RowReader, type RowKey } from './cells.js';
import { countOutcomes, sortRecords, type KindImporter, type Outcome } from './import-kind.js';
import {
  loadAcademicYears,
  loadGradeLevels,
  loadSections,
  loadStudents,
  setSectionsForYear,
  upsertStudents,
  type StudentRecord,
  type StudentWrite,
} from './imports.repository.js';
import { GradeSections, NAME_MAX, PERSON_NAME_MAX } from './lookups.js';

// Students, upserted by admission number. The section is named within its grade; placing a
// student in a section also records it for the current academic year, as the enrollment
// endpoints do.

interface PlannedStudent {
  reader: RowReader;
  write: StudentWrite;
  outcome: Outcome;
  sectionChanged: boolean;
}

/** The section the row asks for: undefined to keep the current one, null for none. */
function readSection(reader: RowReader, lookup: GradeSections): string | null | undefined {
  if (!reader.has('grade') && !reader.has('section')) return undefined;
  const grade = reader.text('grade', NAME_MAX);
  const section = reader.text('section', NAME_MAX);
  if (
    (reader.has('grade') && grade === undefined) ||
    (reader.has('section') && section === undefined)
  )
    return undefined;
  if (!grade && !section) return null;
  if (!grade) {
    reader.report('grade', 'required', 'A section is named within a grade: give the grade too.');
    return undefined;
  }
  if (!section) {
    reader.report(
      'section',
      'required',
      `Students are placed in a section: give the section within "${grade}", or leave grade empty.`,
    );
    return undefined;
  }
  const gradeId = lookup.grade(reader, grade);
  return gradeId ? lookup.section(reader, gradeId, section)?.id : undefined;
}

function sameStudent(before: StudentRecord, after: StudentWrite): boolean {
  return (
    before.firstName === after.firstName &&
    before.lastName === after.lastName &&
    before.dateOfBirth === after.dateOfBirth &&
    before.gender === after.gender &&
    before.status === after.status &&
    before.sectionId === after.sectionId
  );
}

export const studentsImport: KindImporter = {
  async plan({ ctx, tx, today }, table, issues) {
    const existing = await loadStudents(tx);
    const lookup = new GradeSections(await loadGradeLevels(tx), await loadSections(tx));
    const currentYear = (await loadAcademicYears(tx)).find((y) => y.isCurrent) ?? null;
    const byNumber = new Map(existing.map((s) => [s.admissionNumber, s]));

    const keys: RowKey[] = [];
    const planned: PlannedStudent[] = [];
    for (const row of table.rows) {
      const reader = new RowReader(table, row, issues);
      const admissionNumber = reader.required('admission_number', 40);
      const firstName = reader.required('first_name', PERSON_NAME_MAX);
      const lastName = reader.required('last_name', PERSON_NAME_MAX);
      const dateOfBirth = reader.date('date_of_birth', today);
      const gender = reader.choice('gender', GENDERS);
      const status = reader.choice('status', STUDENT_STATUSES);
      const sectionId = readSection(reader, lookup);
      if (admissionNumber) {
        keys.push({
          reader,
          key: admissionNumber,
          column: 'admission_number',
          label: `Admission number ${admissionNumber}`,
        });
      }
      const before = byNumber.get(admissionNumber);
      if (before && status && status !== before.status && !canTransition(before.status, status)) {
        reader.report(
          'status',
          'invalid_transition',
          `Student ${admissionNumber} is ${before.status} and cannot become ${status}.`,
        );
      }
      if (issues.hasRowErrors(row.row)) continue;

      const newStatus = status ?? before?.status ?? 'applicant';
      const write: StudentWrite = {
        schoolId: ctx.schoolId,
        id: before?.id ?? newId(),
        admissionNumber,
        firstName,
        lastName,
        dateOfBirth: dateOfBirth === undefined ? (before?.dateOfBirth ?? null) : dateOfBirth,
        gender: gender ?? before?.gender ?? 'unspecified',
        status: newStatus,
        // Only used when the student has no enrollment date yet (see upsertStudents).
        enrolledOn: newStatus === 'enrolled' ? today : null,
        sectionId: sectionId === undefined ? (before?.sectionId ?? null) : sectionId,
      };
      planned.push({
        reader,
        write,
        outcome: !before ? 'created' : sameStudent(before, write) ? 'unchanged' : 'updated',
        sectionChanged: before ? before.sectionId !== write.sectionId : write.sectionId !== null,
      });
    }
    reportDuplicates(keys);

    const valid = planned.filter((p) => !issues.hasRowErrors(p.reader.number));
    const adding = valid.filter(
      (p) =>
        p.outcome === 'created' && COUNTED_STUDENT_STATUSES.includes(p.write.status ?? 'applicant'),
    ).length;
    if (adding > 0) {
      await assertCanAddStudents(ctx, tx, adding).catch((error: unknown) => {
        if (!(error instanceof AppError) || error.code !== 'PLAN_LIMIT_REACHED') throw error;
        issues.add(
          0,
          'admission_number',
          'plan_limit',
          `${error.message} This file adds ${adding}.`,
        );
      });
    }

    return {
      summary: countOutcomes(valid.map((p) => p.outcome)),
      async apply() {
        const changed = valid.filter((p) => p.outcome !== 'unchanged');
        const written = await upsertStudents(
          tx,
          changed.map((p) => p.write),
        );
        if (!currentYear) return;
        const ids = new Map(written.map((w) => [w.admissionNumber, w.id]));
        await setSectionsForYear(
          tx,
          ctx.schoolId,
          currentYear.id,
          changed
            .filter((p) => p.sectionChanged)
            .map((p) => ({
              studentId: ids.get(p.write.admissionNumber) ?? p.write.id,
              sectionId: p.write.sectionId ?? null,
            })),
        );
      },
    };
  },

  async exportRecords(tx) {
    const lookup = new GradeSections(await loadGradeLevels(tx), []);
    const sections = new Map((await loadSections(tx)).map((s) => [s.id, s]));
    const records = (await loadStudents(tx)).map((s) => {
      const section = s.sectionId ? sections.get(s.sectionId) : undefined;
      return {
        admission_number: s.admissionNumber,
        first_name: s.firstName,
        last_name: s.lastName,
        date_of_birth: s.dateOfBirth ?? '',
        gender: s.gender,
        status: s.status,
        grade: section ? lookup.gradeName(section.gradeLevelId) : '',
        section: section?.name ?? '',
      };
    });
    return sortRecords(records, ['admission_number']);
  },
};
