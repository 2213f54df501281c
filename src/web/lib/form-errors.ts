import { isApiError } from './api-client';
import type { ApiErrorDetail } from './api-client';

export interface SplitDetails<F extends string> {
  /** The first detail reported for each known field. */
  fields: Partial<Record<F, ApiErrorDetail>>;
  /** Details that name no field of this form. */
  other: ApiErrorDetail[];
}

// The server names nested fields with dots (`roles.0`, `querystring.q`); a detail belongs to
// the form field it starts with.
export function splitErrorDetails<F extends string>(
  error: unknown,
  fields: readonly F[],
): SplitDetails<F> {
  const result: SplitDetails<F> = { fields: {}, other: [] };
  if (!isApiError(error)) return result;
  for (const detail of error.details) {
    const field = fields.find((f) => detail.field === f || detail.field.startsWith(`${f}.`));
    if (field === undefined) result.other.push(detail);
    else result.fields[field] ??= detail;
  }
  return result;
}
