import type { Student, UpdateStudentBody } from '../../../shared/contracts/people.js';

export interface StudentValues {
  admissionNumber: string;
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD` from a date input, or '' when unknown. */
  dateOfBirth: string;
  gender: Student['gender'];
  enrolledOn: string;
  sectionId: string;
}

export const STUDENT_FIELDS = [
  'admissionNumber',
  'firstName',
  'lastName',
  'dateOfBirth',
  'gender',
  'enrolledOn',
  'sectionId',
] as const;

export function studentValues(student?: Student): StudentValues {
  return {
    admissionNumber: student?.admissionNumber ?? '',
    firstName: student?.firstName ?? '',
    lastName: student?.lastName ?? '',
    dateOfBirth: student?.dateOfBirth ?? '',
    gender: student?.gender ?? 'unspecified',
    enrolledOn: student?.enrolledOn ?? '',
    sectionId: student?.sectionId ?? '',
  };
}

/** The checks made before sending; each message names what to fix. */
export function checkStudentValues(
  values: StudentValues,
  required: string,
): Partial<Record<keyof StudentValues, string>> {
  const found: Partial<Record<keyof StudentValues, string>> = {};
  if (!values.admissionNumber.trim()) found.admissionNumber = required;
  if (!values.firstName.trim()) found.firstName = required;
  if (!values.lastName.trim()) found.lastName = required;
  return found;
}

/** Only the fields that differ from the record, with empty dates and sections as null. */
export function studentChanges(student: Student, values: StudentValues): UpdateStudentBody {
  const body: UpdateStudentBody = {};
  const admissionNumber = values.admissionNumber.trim();
  const firstName = values.firstName.trim();
  const lastName = values.lastName.trim();
  if (admissionNumber !== student.admissionNumber) body.admissionNumber = admissionNumber;
  if (firstName !== student.firstName) body.firstName = firstName;
  if (lastName !== student.lastName) body.lastName = lastName;
  if ((values.dateOfBirth || null) !== student.dateOfBirth) {
    body.dateOfBirth = values.dateOfBirth || null;
  }
  if (values.gender !== student.gender) body.gender = values.gender;
  if ((values.enrolledOn || null) !== student.enrolledOn)
    body.enrolledOn = values.enrolledOn || null;
  if ((values.sectionId || null) !== student.sectionId) body.sectionId = values.sectionId || null;
  return body;
}
