import { newId } from '../../platform/db/ids.js';
import type { StudentStatus } from '../people/people.table.js';
import { NameIndex, reportDuplicates, RowReader, type RowKey } from './cells.js';
import { countOutcomes, sortRecords, type KindImporter, type Outcome } from './import-kind.js';
import {
  insertClassEnrollments,
  loadAcademicYears,
  loadClasses,
  loadClassEnrollments,
  loadStudents,
  loadTerms,
  type ClassRecord,
  type EnrollmentRecord,
} from './imports.repository.js';
import { NAME_MAX, TermLookup } from './lookups.js';

// Students in classes. A row is already done when the student has an enrollment in the class
// that runs on or after its start (today when starts_on is empty), as bulk enrollment treats
// it; otherwise it adds an enrollment from that day. Rows never end or remove enrollments.

// As bulk enrollment: only applicants and enrolled students join classes.
const ENROLLABLE: readonly StudentStatus[] = ['applicant', 'enrolled'];

interface PlannedEnrollment {
  reader: RowReader;
  record: EnrollmentRecord;
  outcome: Outcome;
}

export const enrollmentsImport: KindImporter = {
  async plan({ ctx, tx, today }, table, issues) {
    const students = new Map((await loadStudents(tx)).map((s) => [s.admissionNumber, s]));
    const terms = new TermLookup(await loadAcademicYears(tx), await loadTerms(tx));
    const classesByTerm = new Map<string, ClassRecord[]>();
    for (const c of await loadClasses(tx)) {
      classesByTerm.set(c.termId, [...(classesByTerm.get(c.termId) ?? []), c]);
    }
    const classIndex = new Map(
      [...classesByTerm].map(([termId, list]) => [termId, new NameIndex(list, (c) => c.name)]),
    );
    // Enrollments by class and student: the stored ones, then the ones this file adds.
    const known = new Map<string, EnrollmentRecord[]>();
    const added = new Set<EnrollmentRecord>();
    for (const e of await loadClassEnrollments(tx)) {
      const key = `${e.classId}:${e.studentId}`;
      known.set(key, [...(known.get(key) ?? []), e]);
    }

    const keys: RowKey[] = [];
    const planned: PlannedEnrollment[] = [];
    for (const row of table.rows) {
      const reader = new RowReader(table, row, issues);
      const admissionNumber = reader.required('admission_number', 40);
      const term = terms.resolve(reader);
      const className = reader.required('class', NAME_MAX);
      const startsOn = reader.date('starts_on');
      const student = students.get(admissionNumber);
      if (admissionNumber && !student) {
        reader.report(
          'admission_number',
          'unknown_student',
          `There is no student with admission number ${admissionNumber} in this school.`,
        );
      }
      let found: ClassRecord | undefined;
      if (term && className) {
        const match = classIndex.get(term.id)?.find(className) ?? { missing: true as const };
        if ('found' in match) found = match.found;
        else
          reader.report(
            'class',
            'missing' in match ? 'unknown_class' : 'ambiguous',
            'missing' in match
              ? `${term.name} has no class "${className}".`
              : `${term.name} has several classes called "${className}".`,
          );
      }
      if (!student || !found || (reader.has('starts_on') && startsOn === undefined)) continue;

      const from = startsOn ?? today;
      const pair = `${found.id}:${student.id}`;
      const list = known.get(pair) ?? [];
      const running = list.find((e) => e.endsOn === null || e.endsOn >= from);
      const record: EnrollmentRecord = running ?? {
        classId: found.id,
        studentId: student.id,
        startsOn: from,
        endsOn: null,
      };
      keys.push({
        reader,
        key: `${pair}:${record.startsOn}`,
        column: 'admission_number',
        label: `Student ${admissionNumber} in class "${found.name}"`,
      });
      if (!running) {
        if (!ENROLLABLE.includes(student.status)) {
          reader.report(
            'admission_number',
            'not_enrollable',
            `Student ${admissionNumber} is ${student.status} and cannot join a class.`,
          );
        }
        // A later row for the same student and class finds this one running: a duplicate.
        known.set(pair, [...list, record]);
        added.add(record);
      }
      planned.push({ reader, record, outcome: added.has(record) ? 'created' : 'unchanged' });
    }
    reportDuplicates(keys);

    const valid = planned.filter((p) => !issues.hasRowErrors(p.reader.number));
    return {
      summary: countOutcomes(valid.map((p) => p.outcome)),
      async apply() {
        await insertClassEnrollments(
          tx,
          valid
            .filter((p) => p.outcome === 'created')
            .map((p) => ({ schoolId: ctx.schoolId, id: newId(), ...p.record })),
        );
      },
    };
  },

  async exportRecords(tx) {
    const numbers = new Map((await loadStudents(tx)).map((s) => [s.id, s.admissionNumber]));
    const terms = new TermLookup(await loadAcademicYears(tx), await loadTerms(tx));
    const classes = new Map((await loadClasses(tx)).map((c) => [c.id, c]));
    const records = (await loadClassEnrollments(tx)).flatMap((e) => {
      const found = classes.get(e.classId);
      const admissionNumber = numbers.get(e.studentId);
      if (!found || admissionNumber === undefined) return [];
      const { term, year } = terms.names(found.termId);
      return [
        { admission_number: admissionNumber, class: found.name, term, year, starts_on: e.startsOn },
      ];
    });
    return sortRecords(records, ['admission_number', 'year', 'term', 'class', 'starts_on']);
  },
};
