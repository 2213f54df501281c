import type { TFunction } from 'i18next';

import { isApiError } from './api-client';
import { SLUG_MAX_LENGTH, SLUG_MIN_LENGTH } from './validation';

// Why a school address cannot be had: the reasons of the sign-up availability check, which
// are also the detail codes the server gives when it refuses an address (sign-up, a new
// school, a rename), plus "taken".
export const SLUG_PROBLEMS = [
  'taken',
  'reserved',
  'too_short',
  'too_long',
  'invalid_characters',
  'double_hyphen',
] as const;
export type SlugProblem = (typeof SLUG_PROBLEMS)[number];

export function isSlugProblem(code: string): code is SlugProblem {
  return (SLUG_PROBLEMS as readonly string[]).includes(code);
}

/** `address` is the host the school would have, shown in "… is already taken". */
export function slugProblemMessage(t: TFunction, problem: SlugProblem, address: string): string {
  return t(`slugProblems.${problem}`, { address, min: SLUG_MIN_LENGTH, max: SLUG_MAX_LENGTH });
}

/** The sentence for a refused address in a failed request, or undefined when there is none. */
export function slugErrorMessage(
  t: TFunction,
  error: unknown,
  address: string,
): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'SLUG_TAKEN') return slugProblemMessage(t, 'taken', address);
  const detail = error.details.find((d) => d.field === 'slug' && isSlugProblem(d.code));
  return detail && isSlugProblem(detail.code)
    ? slugProblemMessage(t, detail.code, address)
    : undefined;
}
