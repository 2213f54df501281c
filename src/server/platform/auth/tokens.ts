import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits of randomness, URL-safe. Only its hash is ever stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// A school session token names its school in clear (`<schoolId>.<secret>`), so a token shown
// on another school's host can be recognised and logged without looking across schools.
export function newSessionToken(schoolId: string): string {
  return `${schoolId}.${newSecretToken()}`;
}

export function sessionTokenSchool(token: string): string | null {
  const dot = token.indexOf('.');
  return dot === 36 ? token.slice(0, 36) : null;
}
