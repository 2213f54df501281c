import type { Student, StudentStatusValue } from '../../../shared/contracts/people.js';

export const STUDENT_STATUSES: readonly StudentStatusValue[] = [
  'applicant',
  'enrolled',
  'suspended',
  'graduated',
  'transferred',
  'withdrawn',
];

export const GENDERS: readonly Student['gender'][] = ['female', 'male', 'other', 'unspecified'];

// Mirrors STUDENT_TRANSITIONS in src/server/modules/people/student-status.ts, so the status
// menu offers only the moves the server allows. Graduated, transferred and withdrawn are
// final: a student who comes back is admitted again as a new record.
const TRANSITIONS: Readonly<Record<StudentStatusValue, readonly StudentStatusValue[]>> = {
  applicant: ['enrolled', 'withdrawn'],
  enrolled: ['suspended', 'graduated', 'transferred', 'withdrawn'],
  suspended: ['enrolled', 'withdrawn', 'transferred'],
  graduated: [],
  transferred: [],
  withdrawn: [],
};

export function nextStatuses(status: StudentStatusValue): readonly StudentStatusValue[] {
  return TRANSITIONS[status];
}

export function isFinalStatus(status: StudentStatusValue): boolean {
  return TRANSITIONS[status].length === 0;
}

export function isStudentStatus(value: string): value is StudentStatusValue {
  return (STUDENT_STATUSES as readonly string[]).includes(value);
}

export function isGender(value: string): value is Student['gender'] {
  return (GENDERS as readonly string[]).includes(value);
}
