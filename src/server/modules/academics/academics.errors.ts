import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, type ErrorDetail } from '../../platform/errors/app-error.js';

// The few ways an academic write is refused, worded once.

export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A referenced record that does not exist in this school (or is not fit for the job). */
export function invalidReferences(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', 'Some referenced records cannot be used.', details);
}

export function unknownReference(field: string, what: string): ErrorDetail {
  return { field, code: 'unknown', message: `is not ${what} in this school` };
}

/** What still depends on a record, as [count, singular, plural?]; refuses when any is > 0. */
export function assertNotInUse(what: string, dependents: [number, string, string?][]): void {
  const used = dependents.filter(([n]) => n > 0);
  if (used.length === 0) return;
  const listed = used.map(([n, singular, plural]) => countOf(n, singular, plural));
  throw new AppError(
    'IN_USE',
    `This ${what} is still used by ${listed.join(' and ')}; remove or move them first.`,
    used.map(([n, singular, plural]) => ({
      field: plural ?? `${singular}s`,
      code: 'in_use',
      message: countOf(n, singular, plural),
    })),
  );
}

/**
 * Maps a unique-constraint violation to 409 CONFLICT naming the field, and a foreign-key
 * violation (a referenced row deleted by a concurrent request) to a validation error.
 */
export function writeRefused(
  uniques: Record<string, { field: string; message: string }>,
): (error: unknown) => never {
  return (error: unknown) => {
    for (const [constraint, { field, message }] of Object.entries(uniques)) {
      if (isUniqueViolation(error, constraint)) {
        throw new AppError('CONFLICT', `Another record already has this ${field}.`, [
          { field, code: 'taken', message },
        ]);
      }
    }
    if (isForeignKeyViolation(error)) {
      throw new AppError('VALIDATION_FAILED', 'A record this refers to no longer exists.');
    }
    throw error;
  };
}

/** A delete the foreign keys refused: something we did not count still points at the row. */
export function deleteRefused(what: string): (error: unknown) => never {
  return (error: unknown) => {
    if (isForeignKeyViolation(error)) {
      throw new AppError(
        'IN_USE',
        `This ${what} is still used by other records; remove or move them first.`,
      );
    }
    throw error;
  };
}
