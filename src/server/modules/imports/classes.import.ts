import { newId } from '../../platform/db/ids.js';
import { NameIndex, reportDuplicates, RowReader, type RowKey } from './cells.js';
import { countOutcomes, sortRecords, type KindImporter, type Outcome } from './import-kind.js';
import {
  loadAcademicYears,
  loadClasses,
  loadClassTeachers,
  loadGradeLevels,
  loadRooms,
  loadSections,
  loadStaff,
  loadSubjects,
  loadTerms,
  replaceClassTeachers,
  upsertClasses,
  type ClassRecord,
} from './imports.repository.js';
import { GradeSections, NAME_MAX, TermLookup } from './lookups.js';

// Classes, upserted by subject code, term and name. Class names are unique within a term, so
// a name the term already uses for another subject is a conflict, not a new class. The
// teachers column, when present, is the class's whole list of teachers.

interface PlannedClass {
  reader: RowReader;
  target: ClassRecord;
  teachers: string[];
  outcome: Outcome;
  teachersChanged: boolean;
}

type Group = Pick<ClassRecord, 'sectionId' | 'gradeLevelId'>;

/** A section, or a whole grade: undefined when the file has neither column (or on error). */
function readGroup(reader: RowReader, lookup: GradeSections): Group | undefined {
  if (!reader.has('grade') && !reader.has('section')) return undefined;
  const grade = reader.text('grade', NAME_MAX);
  const section = reader.text('section', NAME_MAX);
  if (
    (reader.has('grade') && grade === undefined) ||
    (reader.has('section') && section === undefined)
  )
    return undefined;
  if (!grade && !section) {
    reader.report(
      reader.has('section') ? 'section' : 'grade',
      'required',
      'A class is taught to a section or to a whole grade: give one of them.',
    );
    return undefined;
  }
  const gradeId = grade ? lookup.grade(reader, grade) : null;
  if (gradeId === undefined) return undefined;
  if (!section) return { sectionId: null, gradeLevelId: gradeId };
  const found = lookup.section(reader, gradeId, section);
  return found ? { sectionId: found.id, gradeLevelId: null } : undefined;
}

function readTeachers(reader: RowReader, staffIds: Map<string, string>): string[] | undefined {
  const list = reader.text('teachers', 2000);
  if (list === undefined) return undefined;
  const numbers = [
    ...new Set(
      (list ?? '')
        .split(';')
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = numbers.filter((n) => !staffIds.has(n));
  if (unknown.length > 0) {
    reader.report(
      'teachers',
      'unknown_teacher',
      `No staff member in this school has the employee number ${unknown.join(', ')}.`,
    );
    return undefined;
  }
  return numbers.map((n) => staffIds.get(n) as string);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((x) => set.has(x));
}

export const classesImport: KindImporter = {
  async plan({ ctx, tx }, table, issues) {
    const terms = new TermLookup(await loadAcademicYears(tx), await loadTerms(tx));
    const subjects = await loadSubjects(tx);
    const subjectIndex = new NameIndex(subjects, (s) => s.code);
    const subjectCodes = new Map(subjects.map((s) => [s.id, s.code]));
    const groups = new GradeSections(await loadGradeLevels(tx), await loadSections(tx));
    const rooms = new NameIndex(await loadRooms(tx), (r) => r.name);
    const staffIds = new Map((await loadStaff(tx)).map((s) => [s.employeeNumber, s.id]));
    const existing = new Map((await loadClasses(tx)).map((c) => [`${c.termId}:${c.name}`, c]));
    const teachersOf = new Map<string, string[]>();
    for (const link of await loadClassTeachers(tx)) {
      teachersOf.set(link.classId, [...(teachersOf.get(link.classId) ?? []), link.staffId]);
    }

    const keys: RowKey[] = [];
    const planned: PlannedClass[] = [];
    for (const row of table.rows) {
      const reader = new RowReader(table, row, issues);
      const term = terms.resolve(reader);
      const code = reader.required('subject_code', 32);
      const name = reader.required('name', NAME_MAX);
      const subject = code ? subjectIndex.find(code) : undefined;
      if (subject && !('found' in subject)) {
        reader.report(
          'subject_code',
          'unknown_subject',
          `There is no subject with the code ${code} in this school.`,
        );
      }
      const group = readGroup(reader, groups);
      const roomName = reader.text('room', NAME_MAX);
      let roomId: string | null | undefined = roomName === null ? null : undefined;
      if (roomName) {
        const room = rooms.find(roomName);
        if ('found' in room) roomId = room.found.id;
        else
          reader.report('room', 'unknown_room', `There is no room "${roomName}" in this school.`);
      }
      const teachers = readTeachers(reader, staffIds);
      if (term && name) {
        keys.push({
          reader,
          key: `${term.id}:${name}`,
          column: 'name',
          label: `Class "${name}" of ${term.name}`,
        });
      }
      if (!term || !subject || !('found' in subject) || issues.hasRowErrors(row.row)) continue;

      const before = existing.get(`${term.id}:${name}`);
      if (before && before.subjectId !== subject.found.id) {
        reader.report(
          'subject_code',
          'conflict',
          `${term.name} already has a class "${name}" for the subject ` +
            `${subjectCodes.get(before.subjectId) ?? ''}; names are unique within a term.`,
        );
        continue;
      }
      if (!group && !before) {
        reader.report(
          'section',
          'required',
          'A new class is taught to a section or to a whole grade: add a section or grade column.',
        );
        continue;
      }
      const target: ClassRecord = {
        id: before?.id ?? newId(),
        name,
        subjectId: subject.found.id,
        termId: term.id,
        sectionId: group ? group.sectionId : (before?.sectionId ?? null),
        gradeLevelId: group ? group.gradeLevelId : (before?.gradeLevelId ?? null),
        roomId: roomId === undefined ? (before?.roomId ?? null) : roomId,
      };
      const current = before ? (teachersOf.get(before.id) ?? []) : [];
      const wanted = teachers ?? current;
      const teachersChanged = !sameSet(current, wanted);
      const fieldsChanged =
        !before ||
        before.sectionId !== target.sectionId ||
        before.gradeLevelId !== target.gradeLevelId ||
        before.roomId !== target.roomId;
      planned.push({
        reader,
        target,
        teachers: wanted,
        teachersChanged,
        outcome: !before ? 'created' : fieldsChanged || teachersChanged ? 'updated' : 'unchanged',
      });
    }
    reportDuplicates(keys);

    const valid = planned.filter((p) => !issues.hasRowErrors(p.reader.number));
    return {
      summary: countOutcomes(valid.map((p) => p.outcome)),
      async apply() {
        const changed = valid.filter((p) => p.outcome !== 'unchanged');
        const written = await upsertClasses(
          tx,
          changed.map((p) => ({ schoolId: ctx.schoolId, ...p.target })),
        );
        const ids = new Map(written.map((w) => [`${w.termId}:${w.name}`, w.id]));
        const teaching = changed
          .filter((p) => p.teachersChanged)
          .map((p) => ({
            ...p,
            id: ids.get(`${p.target.termId}:${p.target.name}`) ?? p.target.id,
          }));
        await replaceClassTeachers(
          tx,
          ctx.schoolId,
          teaching.map((p) => p.id),
          teaching.flatMap((p) => p.teachers.map((staffId) => ({ classId: p.id, staffId }))),
        );
      },
    };
  },

  async exportRecords(tx) {
    const terms = new TermLookup(await loadAcademicYears(tx), await loadTerms(tx));
    const subjects = new Map((await loadSubjects(tx)).map((s) => [s.id, s.code]));
    const groups = new GradeSections(await loadGradeLevels(tx), []);
    const sections = new Map((await loadSections(tx)).map((s) => [s.id, s]));
    const rooms = new Map((await loadRooms(tx)).map((r) => [r.id, r.name]));
    const numbers = new Map((await loadStaff(tx)).map((s) => [s.id, s.employeeNumber]));
    const teachersOf = new Map<string, string[]>();
    for (const link of await loadClassTeachers(tx)) {
      const number = numbers.get(link.staffId);
      if (number !== undefined) {
        teachersOf.set(link.classId, [...(teachersOf.get(link.classId) ?? []), number]);
      }
    }
    const records = (await loadClasses(tx)).map((c) => {
      const { term, year } = terms.names(c.termId);
      const section = c.sectionId ? sections.get(c.sectionId) : undefined;
      const gradeId = section?.gradeLevelId ?? c.gradeLevelId;
      return {
        term,
        year,
        subject_code: subjects.get(c.subjectId) ?? '',
        name: c.name,
        grade: gradeId ? groups.gradeName(gradeId) : '',
        section: section?.name ?? '',
        room: c.roomId ? (rooms.get(c.roomId) ?? '') : '',
        teachers: (teachersOf.get(c.id) ?? []).sort().join(';'),
      };
    });
    return sortRecords(records, ['year', 'term', 'name']);
  },
};
