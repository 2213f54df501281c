import type { TFunction } from 'i18next';

import { isApiError } from '../../lib/api-client';

// Why the server refused a hostname (the detail codes of domains.service validateHostname).
const PROBLEMS = [
  'invalid',
  'ip_address',
  'port',
  'reserved',
  'not_public',
  'too_long',
  'taken',
] as const;
type HostnameProblem = (typeof PROBLEMS)[number];

function isHostnameProblem(code: string): code is HostnameProblem {
  return (PROBLEMS as readonly string[]).includes(code);
}

/** The sentence for a refused hostname, or undefined when the error names none. */
export function hostnameProblem(t: TFunction, error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const detail = error.details.find((d) => d.field === 'hostname' && isHostnameProblem(d.code));
  return detail && isHostnameProblem(detail.code)
    ? t(`domains.hostnameProblems.${detail.code}`)
    : undefined;
}
