import type { NamedRecord, SectionRecord, TermRecord } from './imports.repository.js';
import { NameIndex, type RowReader } from './cells.js';

// Finding the school's own records by the names people write in a file. Only this school's
// rows are ever loaded (row-level security), so a name can never reach another school.

/** Longest names, as the people and academics APIs accept them. */
export const NAME_MAX = 120;
export const PERSON_NAME_MAX = 100;

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** Grade levels and their sections by name. */
export class GradeSections {
  private readonly grades: NameIndex<NamedRecord>;
  private readonly allSections: NameIndex<SectionRecord>;
  private readonly byGrade = new Map<string, NameIndex<SectionRecord>>();
  private readonly gradeNames: Map<string, string>;

  constructor(grades: readonly NamedRecord[], sections: readonly SectionRecord[]) {
    this.grades = new NameIndex(grades, (g) => g.name);
    this.allSections = new NameIndex(sections, (s) => s.name);
    this.gradeNames = new Map(grades.map((g) => [g.id, g.name]));
    for (const grade of grades) {
      this.byGrade.set(
        grade.id,
        new NameIndex(
          sections.filter((s) => s.gradeLevelId === grade.id),
          (s) => s.name,
        ),
      );
    }
  }

  gradeName(id: string): string {
    return this.gradeNames.get(id) ?? '';
  }

  grade(reader: RowReader, name: string): string | undefined {
    const found = this.grades.find(name);
    if ('found' in found) return found.found.id;
    if ('missing' in found) {
      reader.report('grade', 'unknown_grade', `There is no grade "${name}" in this school.`);
    } else {
      reader.report('grade', 'ambiguous', `Several grades are called "${name}".`);
    }
    return undefined;
  }

  /** A section within a grade, or (gradeId null) a section whose name only one grade has. */
  section(reader: RowReader, gradeId: string | null, name: string): SectionRecord | undefined {
    const index = gradeId ? this.byGrade.get(gradeId) : this.allSections;
    const found = index?.find(name) ?? { missing: true as const };
    if ('found' in found) return found.found;
    if ('missing' in found) {
      reader.report(
        'section',
        'unknown_section',
        gradeId
          ? `Grade "${this.gradeName(gradeId)}" has no section "${name}".`
          : `There is no section "${name}" in this school.`,
      );
    } else {
      const grades = found.ambiguous.map((s) => this.gradeName(s.gradeLevelId));
      reader.report(
        'section',
        'ambiguous',
        `Grades ${quoteList(grades)} each have a section "${name}"; add the grade to say which.`,
      );
    }
    return undefined;
  }
}

/** Terms by name, within an academic year when the file names one. */
export class TermLookup {
  private readonly years: NameIndex<NamedRecord>;
  private readonly allTerms: NameIndex<TermRecord>;
  private readonly byYear = new Map<string, NameIndex<TermRecord>>();
  private readonly yearNames: Map<string, string>;
  private readonly terms: Map<string, TermRecord>;

  constructor(years: readonly NamedRecord[], terms: readonly TermRecord[]) {
    this.years = new NameIndex(years, (y) => y.name);
    this.allTerms = new NameIndex(terms, (t) => t.name);
    this.yearNames = new Map(years.map((y) => [y.id, y.name]));
    this.terms = new Map(terms.map((t) => [t.id, t]));
    for (const year of years) {
      this.byYear.set(
        year.id,
        new NameIndex(
          terms.filter((t) => t.academicYearId === year.id),
          (t) => t.name,
        ),
      );
    }
  }

  /** The term and year names an export writes for a term id. */
  names(termId: string): { term: string; year: string } {
    const term = this.terms.get(termId);
    return { term: term?.name ?? '', year: this.yearNames.get(term?.academicYearId ?? '') ?? '' };
  }

  /** Reads the term (and optional year) columns of the row. */
  resolve(reader: RowReader): TermRecord | undefined {
    const termName = reader.required('term', NAME_MAX);
    const yearName = reader.text('year', NAME_MAX);
    if (!termName || (yearName === undefined && reader.has('year'))) return undefined;
    let index = this.allTerms;
    if (yearName) {
      const year = this.years.find(yearName);
      if (!('found' in year)) {
        reader.report(
          'year',
          'missing' in year ? 'unknown_year' : 'ambiguous',
          'missing' in year
            ? `There is no academic year "${yearName}" in this school.`
            : `Several academic years are called "${yearName}".`,
        );
        return undefined;
      }
      index = this.byYear.get(year.found.id) ?? index;
    }
    const term = index.find(termName);
    if ('found' in term) return term.found;
    if ('missing' in term) {
      reader.report(
        'term',
        'unknown_term',
        yearName
          ? `The academic year "${yearName}" has no term "${termName}".`
          : `There is no term "${termName}" in this school.`,
      );
    } else {
      const years = term.ambiguous.map((t) => this.yearNames.get(t.academicYearId) ?? '');
      reader.report(
        'term',
        'ambiguous',
        `Academic years ${quoteList(years)} each have a term "${termName}"; ` +
          'add a year column to say which.',
      );
    }
    return undefined;
  }
}
