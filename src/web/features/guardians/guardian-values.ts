import type {
  CreateGuardianBody,
  Guardian,
  UpdateGuardianBody,
} from '../../../shared/contracts/people.js';
import { looksLikeEmail } from '../../lib/validation';

export interface GuardianValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address: string;
}

export const GUARDIAN_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'address'] as const;

export function guardianValues(guardian?: Guardian): GuardianValues {
  return {
    firstName: guardian?.firstName ?? '',
    lastName: guardian?.lastName ?? '',
    email: guardian?.email ?? '',
    phone: guardian?.phone ?? '',
    address: guardian?.address ?? '',
  };
}

/** A new guardian: empty contact fields are left out. */
export function newGuardianBody(values: GuardianValues): CreateGuardianBody {
  const email = values.email.trim();
  const phone = values.phone.trim();
  const address = values.address.trim();
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
  };
}

/** Only the changed fields; an emptied contact field is cleared with null. */
export function guardianChanges(guardian: Guardian, values: GuardianValues): UpdateGuardianBody {
  const body: UpdateGuardianBody = {};
  const firstName = values.firstName.trim();
  const lastName = values.lastName.trim();
  if (firstName !== guardian.firstName) body.firstName = firstName;
  if (lastName !== guardian.lastName) body.lastName = lastName;
  for (const key of ['email', 'phone', 'address'] as const) {
    const value = values[key].trim() || null;
    if (value !== guardian[key]) body[key] = value;
  }
  return body;
}

export interface GuardianMessages {
  required: string;
  email: string;
}

export function checkGuardianValues(
  values: GuardianValues,
  messages: GuardianMessages,
): Partial<Record<keyof GuardianValues, string>> {
  const found: Partial<Record<keyof GuardianValues, string>> = {};
  if (!values.firstName.trim()) found.firstName = messages.required;
  if (!values.lastName.trim()) found.lastName = messages.required;
  if (values.email.trim() && !looksLikeEmail(values.email)) found.email = messages.email;
  return found;
}
