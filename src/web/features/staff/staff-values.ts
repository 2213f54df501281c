import type { CreateStaffBody, Staff, UpdateStaffBody } from '../../../shared/contracts/people.js';
import { looksLikeEmail } from '../../lib/validation';

export interface StaffValues {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  position: string;
  department: string;
  isTeacher: boolean;
}

export const STAFF_FIELDS = [
  'employeeNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
  'position',
  'department',
  'isTeacher',
] as const;

export function staffValues(member?: Staff): StaffValues {
  return {
    employeeNumber: member?.employeeNumber ?? '',
    firstName: member?.firstName ?? '',
    lastName: member?.lastName ?? '',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
    position: member?.position ?? '',
    department: member?.department ?? '',
    isTeacher: member?.isTeacher ?? false,
  };
}

export function checkStaffValues(
  values: StaffValues,
  messages: { required: string; email: string },
): Partial<Record<keyof StaffValues, string>> {
  const found: Partial<Record<keyof StaffValues, string>> = {};
  if (!values.employeeNumber.trim()) found.employeeNumber = messages.required;
  if (!values.firstName.trim()) found.firstName = messages.required;
  if (!values.lastName.trim()) found.lastName = messages.required;
  if (values.email.trim() && !looksLikeEmail(values.email)) found.email = messages.email;
  return found;
}

export function newStaffBody(values: StaffValues): CreateStaffBody {
  const email = values.email.trim();
  const phone = values.phone.trim();
  return {
    employeeNumber: values.employeeNumber.trim(),
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    position: values.position.trim(),
    department: values.department.trim(),
    isTeacher: values.isTeacher,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
  };
}

/** Only the changed fields; an emptied email or phone is cleared with null. */
export function staffChanges(member: Staff, values: StaffValues): UpdateStaffBody {
  const body: UpdateStaffBody = {};
  for (const key of [
    'employeeNumber',
    'firstName',
    'lastName',
    'position',
    'department',
  ] as const) {
    const value = values[key].trim();
    if (value !== member[key]) body[key] = value;
  }
  for (const key of ['email', 'phone'] as const) {
    const value = values[key].trim() || null;
    if (value !== member[key]) body[key] = value;
  }
  if (values.isTeacher !== member.isTeacher) body.isTeacher = values.isTeacher;
  return body;
}
