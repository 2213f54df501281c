import type { RegisterQuery } from '../../../shared/contracts/attendance.js';

// The take-attendance page's address: `?classId=&date=&periodId=` for a class register or
// `?sectionId=&date=` for a section's daily register. Anything else in it is ignored.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function id(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

/** The register named by the address, or null when it names none. */
export function parseRegisterSearch(search: Record<string, unknown>): RegisterQuery | null {
  const classId = id(search.classId);
  const sectionId = id(search.sectionId);
  const date = typeof search.date === 'string' && DAY.test(search.date) ? search.date : undefined;
  if (classId) {
    const periodId = id(search.periodId);
    return { classId, ...(periodId ? { periodId } : {}), ...(date ? { date } : {}) };
  }
  if (sectionId) return { sectionId, ...(date ? { date } : {}) };
  return null;
}

/** The address search for a register (the inverse of parseRegisterSearch). */
export function registerSearch(target: RegisterQuery): Record<string, string> {
  const search: Record<string, string> = {};
  if (target.classId) search.classId = target.classId;
  if (target.sectionId) search.sectionId = target.sectionId;
  if (target.date) search.date = target.date;
  if (target.periodId) search.periodId = target.periodId;
  return search;
}
