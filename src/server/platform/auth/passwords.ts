import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/identity.js';
import { AppError } from '../errors/app-error.js';

// argon2id with the library's defaults (19 MiB, 2 passes), which follow current guidance.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    (dictionary as Record<string, string[]>)['passwords-common']?.map((p) => p.toLowerCase()) ?? [],
  );
  return common;
}

// Spent on unknown emails so a failed sign-in takes as long whether or not the account exists.
let decoyHash: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-that-matches-nothing');
  await verifyPassword(await decoyHash, password);
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || /^(.)\1+$/.test(password)) problems.push('common');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push('contains_email');
  return problems;
}

const MESSAGES: Record<PasswordProblem, string> = {
  too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  common: 'is too common; choose something less guessable',
  contains_email: 'must not contain your email address',
};

export function assertStrongPassword(
  password: string,
  email: string | undefined,
  field = 'password',
): void {
  const problems = passwordProblems(password, email);
  if (problems.length === 0) return;
  throw new AppError(
    'PASSWORD_TOO_WEAK',
    'Choose a stronger password.',
    problems.map((p) => ({ field, code: p, message: MESSAGES[p] })),
  );
}
