import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { buildReportCards, type SchoolIdentity } from './report-card-builder.js';
import {
  deleteTermReportCards,
  findTerm,
  upsertPublication,
  upsertReportCards,
  type PublicationRow,
} from './report-cards.repository.js';

// Publishing a term's cards, without a request context so that the demo seeder can call it
// too. The permission check and the audit event belong to the caller.

export interface PublishedTerm {
  cards: number;
  publication: PublicationRow;
}

/**
 * Snapshots the card of every student enrolled in a class of the term (an enrollment
 * overlapping the term's dates) and marks the term published, in the caller's transaction.
 * Republishing replaces every snapshot of the term. The term row is locked first, so comment
 * writes (which share-lock it) wait for the snapshot and then see the term published.
 */
export async function publishTerm(
  tx: Tx,
  schoolId: string,
  termId: string,
  by: { userId: string | null; name: string },
  school: SchoolIdentity,
): Promise<PublishedTerm> {
  const term = await findTerm(tx, termId, 'no key update');
  if (!term) throw new AppError('TERM_NOT_FOUND', 'No such term.');
  const now = new Date();
  const cards = await buildReportCards(tx, schoolId, term, null, school, now);
  await deleteTermReportCards(tx, term.id);
  await upsertReportCards(
    tx,
    cards.map((content) => ({
      schoolId,
      termId: term.id,
      studentId: content.student.id,
      content,
      publishedAt: now,
    })),
  );
  const publication = await upsertPublication(tx, {
    schoolId,
    termId: term.id,
    publishedAt: now,
    publishedBy: by.userId,
    publishedByName: by.name,
  });
  return { cards: cards.length, publication };
}

/**
 * The same for callers without a request (the demo seeder). The snapshot records the school's
 * name and language when `school` is given; without it they are left blank and filled in from
 * the school when the card is read, since a school transaction cannot read the schools table.
 */
export async function publishTermReportCards(
  tx: Tx,
  schoolId: string,
  termId: string,
  by: { userId: string | null; name: string },
  school: SchoolIdentity = { name: '', locale: 'en' },
): Promise<{ cards: number }> {
  const { cards } = await publishTerm(tx, schoolId, termId, by, school);
  return { cards };
}
