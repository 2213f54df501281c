import { isApiError } from './api-client';

/**
 * Errors that are answers rather than faults: a page the actor may not open, or a 4xx from
 * the API that the page shows as a status page. React reports every error an error boundary
 * catches to the console; these are left out so the console only holds real problems.
 */
export function isExpectedError(error: unknown): boolean {
  if (error instanceof Error && error.name === 'ForbiddenPageError') return true;
  return isApiError(error) && error.status >= 400 && error.status < 500;
}
