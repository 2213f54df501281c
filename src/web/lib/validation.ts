// Checks the browser makes before sending, so people hear about a mistake at once. The
// server checks again and has the last word.

// Mirrors PASSWORD_MIN_LENGTH in src/shared/contracts/identity.ts, which the web bundle does
// not import because that module carries the TypeBox runtime.
export const PASSWORD_MIN_LENGTH = 10;
export const REASON_MIN_LENGTH = 10;
// Mirrors the Reason schema in src/shared/contracts/platform.ts: a lifecycle action, a rename or
// a plan change needs a reason of at least this length (removing a domain or impersonating,
// REASON_MIN_LENGTH).
export const ACTION_REASON_MIN_LENGTH = 5;
// Mirrors src/shared/slug.ts, which the server applies to every school address.
export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 63;
export const SCHOOL_NAME_MIN_LENGTH = 2;
export const IMPERSONATION_MAX_MINUTES = 60;

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function isLowerHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/.test(value);
}

/** `#ABC` and `abcdef` become `#aabbcc` / `#abcdef`; anything else stays as typed. */
export function normalizeHexColor(value: string): string {
  const text = value.trim().toLowerCase();
  const bare = text.startsWith('#') ? text.slice(1) : text;
  if (/^[0-9a-f]{6}$/.test(bare)) return `#${bare}`;
  if (/^[0-9a-f]{3}$/.test(bare)) return `#${[...bare].map((c) => c + c).join('')}`;
  return text;
}

export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
