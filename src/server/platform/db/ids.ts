import { uuidv7 } from 'uuidv7';

/** Time-ordered UUIDv7 ids, generated in the app so PostgreSQL 15 and PGlite agree. */
export function newId(): string {
  return uuidv7();
}
