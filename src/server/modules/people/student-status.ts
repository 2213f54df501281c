import { schoolToday } from '../enrollment/school-date.js';
import type { StudentStatus } from './people.table.js';

// The student lifecycle. Graduated, transferred and withdrawn are final: a student who comes
// back is admitted again as a new record, so the history of the old one stays as it was.
export const STUDENT_TRANSITIONS: Readonly<Record<StudentStatus, readonly StudentStatus[]>> = {
  applicant: ['enrolled', 'withdrawn'],
  enrolled: ['suspended', 'graduated', 'transferred', 'withdrawn'],
  suspended: ['enrolled', 'withdrawn', 'transferred'],
  graduated: [],
  transferred: [],
  withdrawn: [],
};

/** Statuses in which a student counts against the plan's student limit. */
export const COUNTED_STUDENT_STATUSES: readonly StudentStatus[] = [
  'applicant',
  'enrolled',
  'suspended',
];

export function canTransition(from: StudentStatus, to: StudentStatus): boolean {
  return STUDENT_TRANSITIONS[from].includes(to);
}

/** The calendar date now in the school's time zone, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return schoolToday(timeZone, now);
}
