import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';

// Date rules for years and terms. Dates are `YYYY-MM-DD` strings, which order correctly as
// text; both ends of a range are days of the range (a term ending on the 20th and another
// starting on the 20th overlap by a day).

export interface DateRange {
  startsOn: string;
  endsOn: string;
}

export interface NamedRange extends DateRange {
  name: string;
}

export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

export function rangeProblems(range: DateRange): ErrorDetail[] {
  return range.startsOn < range.endsOn
    ? []
    : [{ field: 'endsOn', code: 'before_start', message: 'must be after startsOn' }];
}

/** Where a term leaves its year, per end. */
export function outsideYearProblems(term: DateRange, year: NamedRange): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (term.startsOn < year.startsOn) {
    problems.push({
      field: 'startsOn',
      code: 'outside_year',
      message: `is before ${year.name} starts (${year.startsOn})`,
    });
  }
  if (term.endsOn > year.endsOn) {
    problems.push({
      field: 'endsOn',
      code: 'outside_year',
      message: `is after ${year.name} ends (${year.endsOn})`,
    });
  }
  return problems;
}

export function overlapProblems(term: DateRange, others: readonly NamedRange[]): ErrorDetail[] {
  return others
    .filter((other) => overlaps(term, other))
    .map((other) => ({
      field: 'startsOn',
      code: 'overlap',
      message: `overlaps the term ${other.name} (${other.startsOn} to ${other.endsOn})`,
    }));
}

/** Terms that a year's new dates would leave outside it. */
export function strandedTermProblems(year: DateRange, terms: readonly NamedRange[]): ErrorDetail[] {
  return terms
    .filter((term) => term.startsOn < year.startsOn || term.endsOn > year.endsOn)
    .map((term) => ({
      field: term.startsOn < year.startsOn ? 'startsOn' : 'endsOn',
      code: 'term_outside',
      message: `would leave the term ${term.name} (${term.startsOn} to ${term.endsOn}) outside the year`,
    }));
}

export function assertDates(problems: ErrorDetail[]): void {
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The dates do not fit.', problems);
  }
}
