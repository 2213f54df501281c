import { sql, type SQL } from 'drizzle-orm';
import type {
  CardParams,
  CommentGroups,
  CommentGroupsQuery,
  CommentRoster,
  CommentsQuery,
  Overview,
  OverviewQuery,
  PdfQuery,
  PreviewQuery,
  Publication,
  ReportCard,
  ReportCardComment,
  ReportCardContentBody,
  SaveCommentBody,
  StudentReportCards,
  TermBody,
} from '../../../shared/contracts/report-cards.js';
import type { Scope } from '../../../shared/permissions.js';
import { recordAudit, recordUpdate } from '../../platform/audit/audit.js';
import { requirePermission, type Actor, type TenantContext } from '../../platform/auth/context.js';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { studentScopeCondition } from '../people/scope.js';
import { buildReportCards, type SchoolIdentity } from './report-card-builder.js';
import type { ReportCardContent } from './report-card-content.js';
import { renderReportCardPdf } from './report-card-pdf.js';
import { publishTerm } from './report-card-publishing.service.js';
import {
  deleteComment as deleteCommentRow,
  deletePublication,
  findClass,
  findComment,
  findCommentFor,
  findPublication,
  findReportCard,
  findSection,
  findStudentForTerm,
  findTerm,
  isOnClassRoster,
  listClassRoster,
  listGroupComments,
  listOverview,
  listPublishedCards,
  listSectionRoster,
  listSections,
  listTermClasses,
  studentVisible,
  teacherStudentsCondition,
  teachesClass,
  upsertComment,
  type CommentRow,
  type TermRow,
} from './report-cards.repository.js';

// Report cards: comments are written while a term is open, an admin previews and publishes
// (a snapshot per student), and students, guardians and teachers read what was published.
// Who sees what is in README.md.

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const termNotFound = () => new AppError('TERM_NOT_FOUND', 'No such term.');
const cardNotFound = () => new AppError('REPORT_CARD_NOT_FOUND', 'No such report card.');
const commentNotFound = () =>
  new AppError('REPORT_CARD_COMMENT_NOT_FOUND', 'No such report-card comment.');
const forbidden = (message = 'You do not have permission to do this.') =>
  new AppError('FORBIDDEN', message);
const published = () =>
  new AppError(
    'REPORT_CARDS_PUBLISHED',
    "This term's report cards are published; an admin must unpublish them before comments change.",
  );

/**
 * How far a staff reader reaches: the whole school, or a teacher's own students and classes.
 * Students and guardians (self, children) are refused here.
 */
type StaffReach = { all: true } | { all: false; staffId: string };

function staffReach(actor: Actor, scopes: readonly Scope[]): StaffReach {
  if (scopes.includes('all')) return { all: true };
  if (scopes.includes('own-classes') && actor.linkedStaffId) {
    return { all: false, staffId: actor.linkedStaffId };
  }
  throw forbidden();
}

function toComment(row: CommentRow): ReportCardComment {
  return {
    id: row.id,
    termId: row.termId,
    studentId: row.studentId,
    classId: row.classId,
    body: row.body,
    authorName: row.authorName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function commentFields(row: CommentRow) {
  return {
    termId: row.termId,
    studentId: row.studentId,
    classId: row.classId,
    body: row.body,
    authorName: row.authorName,
  };
}

function schoolOf(ctx: TenantContext): SchoolIdentity {
  return { name: ctx.school.name, locale: ctx.school.locale === 'ar' ? 'ar' : 'en' };
}

/** A snapshot taken without the school's name (by the seeder) gets the school's current one. */
function withSchool(content: ReportCardContent, ctx: TenantContext): ReportCardContent {
  return content.school.name === '' ? { ...content, school: schoolOf(ctx) } : content;
}

// ---------------------------------------------------------------------------------------------
// Comments

/** The classes and homeroom sections of a term the reader may comment on. */
export async function listCommentGroups(
  ctx: TenantContext,
  query: CommentGroupsQuery,
): Promise<CommentGroups> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:comment');
  const reach = staffReach(actor, scopes);
  const staffId = reach.all ? null : reach.staffId;
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const term = await findTerm(tx, query.termId);
    if (!term) throw termNotFound();
    return {
      termId: term.id,
      classes: await listTermClasses(tx, term.id, staffId),
      sections: await listSections(tx, staffId),
    };
  });
}

/**
 * A class's roster (or a homeroom section's students) with each student's comment. A teacher
 * sees the classes she teaches and the sections she is homeroom teacher of; others are 404.
 */
export async function listComments(
  ctx: TenantContext,
  query: CommentsQuery,
): Promise<CommentRoster> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:comment');
  const reach = staffReach(actor, scopes);
  if ((query.classId === undefined) === (query.sectionId === undefined)) {
    throw new AppError('VALIDATION_FAILED', 'Give a class or a section.', [
      { field: 'classId', code: 'one_group', message: 'give exactly one of classId and sectionId' },
    ]);
  }
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const term = await findTerm(tx, query.termId);
    if (!term) throw termNotFound();
    let roster;
    if (query.classId !== undefined) {
      const found = await findClass(tx, query.classId);
      const visible =
        found &&
        found.termId === term.id &&
        (reach.all || (await teachesClass(tx, reach.staffId, found.id)));
      if (!found || !visible) throw new AppError('CLASS_NOT_FOUND', 'No such class.');
      roster = await listClassRoster(tx, term, found.id);
    } else {
      const section = await findSection(tx, query.sectionId ?? '');
      if (!section || (!reach.all && section.homeroomTeacherId !== reach.staffId)) {
        throw new AppError('SECTION_NOT_FOUND', 'No such section.');
      }
      roster = await listSectionRoster(tx, term, section.id);
    }
    const classId = query.classId ?? null;
    const comments = new Map(
      (
        await listGroupComments(
          tx,
          term.id,
          classId,
          roster.map((r) => r.studentId),
        )
      ).map((c) => [c.studentId, c]),
    );
    return {
      termId: term.id,
      classId,
      sectionId: query.sectionId ?? null,
      published: (await findPublication(tx, term.id)) !== null,
      items: roster.map((r) => {
        const comment = comments.get(r.studentId);
        return { ...r, comment: comment ? toComment(comment) : null };
      }),
    };
  });
}

/**
 * Whether the reader may write the comment: a class comment needs the class (of that term)
 * taught by the teacher, a homeroom comment (no class) needs her to be the homeroom teacher of
 * the student's section that year. Admins may write any. A new comment needs the student on
 * the class's roster in the term.
 */
async function checkCommentTarget(
  tx: Tx,
  reach: StaffReach,
  term: TermRow,
  studentId: string,
  classId: string | null,
  { onRoster }: { onRoster: boolean },
): Promise<void> {
  const student = await findStudentForTerm(tx, term, studentId);
  if (!student) {
    throw new AppError('VALIDATION_FAILED', 'Some records do not exist.', [
      { field: 'studentId', code: 'unknown', message: 'is not a student here' },
    ]);
  }
  if (classId !== null) {
    const found = await findClass(tx, classId);
    if (!found || found.termId !== term.id) {
      throw new AppError('VALIDATION_FAILED', 'Some records do not exist.', [
        { field: 'classId', code: 'unknown', message: 'is not a class of this term' },
      ]);
    }
    if (!reach.all && !(await teachesClass(tx, reach.staffId, found.id))) {
      throw forbidden('You can only comment on classes you teach.');
    }
    if (onRoster && !(await isOnClassRoster(tx, term, found.id, student.id))) {
      throw new AppError('NOT_ON_ROSTER', 'This student is not in this class this term.');
    }
    return;
  }
  if (!reach.all) {
    const section = student.sectionId ? await findSection(tx, student.sectionId) : null;
    if (!section || section.homeroomTeacherId !== reach.staffId) {
      throw forbidden('Only the homeroom teacher writes the homeroom comment.');
    }
  }
}

/** Writes the comment for (term, student, class or homeroom), replacing the one there. */
export async function saveComment(
  ctx: TenantContext,
  input: SaveCommentBody,
): Promise<{ comment: ReportCardComment; created: boolean }> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:comment');
  const reach = staffReach(actor, scopes);
  const body = input.body.trim();
  if (body === '') {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid.', [
      { field: 'body', code: 'required', message: 'must not be blank' },
    ]);
  }
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    // Shares the term's lock with other comment writes; publishing takes it exclusively.
    const term = await findTerm(tx, input.termId, 'share');
    if (!term) {
      throw new AppError('VALIDATION_FAILED', 'Some records do not exist.', [
        { field: 'termId', code: 'unknown', message: 'is not a term here' },
      ]);
    }
    await checkCommentTarget(tx, reach, term, input.studentId, input.classId, { onRoster: true });
    if (await findPublication(tx, term.id)) throw published();
    const key = { termId: term.id, studentId: input.studentId, classId: input.classId };
    const before = await findCommentFor(tx, key);
    const saved = await upsertComment(tx, {
      schoolId: ctx.schoolId,
      id: newId(),
      ...key,
      body,
      authorId: actor.userId,
      authorName: actor.name,
    });
    if (before) {
      await recordUpdate(
        tx,
        ctx,
        'report_card_comment',
        saved.id,
        commentFields(before),
        commentFields(saved),
      );
    } else {
      await recordAudit(tx, ctx, {
        action: 'report_card_comment.created',
        entityType: 'report_card_comment',
        entityId: saved.id,
        after: commentFields(saved),
      });
    }
    return { comment: toComment(saved), created: !before };
  });
}

export async function deleteComment(ctx: TenantContext, unverifiedId: string): Promise<void> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:comment');
  const reach = staffReach(actor, scopes);
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const seen = await findComment(tx, unverifiedId);
    if (!seen) throw commentNotFound();
    // The term's lock first, as saving does, then the comment itself.
    const term = await findTerm(tx, seen.termId, 'share');
    const row = await findComment(tx, unverifiedId, 'update');
    if (!term || !row) throw commentNotFound();
    if (!reach.all) {
      try {
        // A comment stays hers to remove after the student has left the class.
        await checkCommentTarget(tx, reach, term, row.studentId, row.classId, { onRoster: false });
      } catch (error) {
        // Another teacher's comment is not hers to see.
        if (error instanceof AppError && error.code === 'FORBIDDEN') throw commentNotFound();
        throw error;
      }
    }
    if (await findPublication(tx, term.id)) throw published();
    await deleteCommentRow(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'report_card_comment.deleted',
      entityType: 'report_card_comment',
      entityId: row.id,
      before: commentFields(row),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Preview, overview, publishing

/** The card as it would be published now; not stored. */
export async function previewReportCard(
  ctx: TenantContext,
  query: PreviewQuery,
): Promise<ReportCardContentBody> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:read');
  const reach = staffReach(actor, scopes);
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const term = await findTerm(tx, query.termId);
    if (!term) throw termNotFound();
    const visible = reach.all ? null : teacherStudentsCondition(term, reach.staffId);
    if (!(await studentVisible(tx, query.studentId, visible))) {
      throw new AppError('STUDENT_NOT_FOUND', 'No such student.');
    }
    const [card] = await buildReportCards(tx, ctx.schoolId, term, [query.studentId], schoolOf(ctx));
    if (!card) {
      throw new AppError('REPORT_CARD_NOT_FOUND', 'This student has no classes in this term.');
    }
    return card;
  });
}

/** The term's students with their comment counts and cards, a page at a time. */
export async function getOverview(ctx: TenantContext, query: OverviewQuery): Promise<Overview> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:read');
  const reach = staffReach(actor, scopes);
  const limit = query.limit ?? 100;
  const after = decodeCursor(query.cursor, ['string', 'string', 'string']);
  if (after && !UUID_PATTERN.test(String(after[2]))) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
      { field: 'cursor', code: 'invalid', message: 'is not a cursor from this list' },
    ]);
  }
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const term = await findTerm(tx, query.termId);
    if (!term) throw termNotFound();
    const rows = await listOverview(tx, term, {
      ...(query.sectionId ? { sectionId: query.sectionId } : {}),
      visible: reach.all ? null : teacherStudentsCondition(term, reach.staffId),
      limit,
      ...(after
        ? {
            after: {
              lastName: String(after[0]),
              firstName: String(after[1]),
              id: String(after[2]),
            },
          }
        : {}),
    });
    const result = page(rows, limit, (r) => [r.lastName, r.firstName, r.studentId]);
    const publication = await findPublication(tx, term.id);
    return {
      termId: term.id,
      published: publication
        ? { at: publication.publishedAt.toISOString(), byName: publication.publishedByName }
        : null,
      students: result.items.map((r) => ({
        studentId: r.studentId,
        name: `${r.firstName} ${r.lastName}`,
        admissionNumber: r.admissionNumber,
        sectionName: r.sectionName,
        classesCount: r.classesCount,
        commentsMissing: r.classCommentsMissing + (r.hasHomeroomComment ? 0 : 1),
        hasCard: r.hasCard,
      })),
      nextCursor: result.nextCursor,
    };
  });
}

export async function publishReportCards(
  ctx: TenantContext,
  input: TermBody,
): Promise<Publication> {
  const { actor } = requirePermission(ctx, 'report-cards:publish');
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const before = await findPublication(tx, input.termId);
    const { cards, publication } = await publishTerm(
      tx,
      ctx.schoolId,
      input.termId,
      { userId: actor.userId, name: actor.name },
      schoolOf(ctx),
    );
    await recordAudit(tx, ctx, {
      action: before ? 'report_cards.republished' : 'report_cards.published',
      entityType: 'report_card_publication',
      entityId: input.termId,
      before: before ? { publishedAt: before.publishedAt.toISOString() } : null,
      after: { publishedAt: publication.publishedAt.toISOString(), cards },
    });
    return {
      termId: publication.termId,
      publishedAt: publication.publishedAt.toISOString(),
      publishedByName: publication.publishedByName,
      cards,
    };
  });
}

/** Hides the term's cards from students, guardians and teachers; the snapshots stay. */
export async function unpublishReportCards(ctx: TenantContext, input: TermBody): Promise<void> {
  requirePermission(ctx, 'report-cards:publish');
  await ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const term = await findTerm(tx, input.termId, 'no key update');
    if (!term) throw termNotFound();
    const removed = await deletePublication(tx, term.id);
    if (!removed) return;
    await recordAudit(tx, ctx, {
      action: 'report_cards.unpublished',
      entityType: 'report_card_publication',
      entityId: term.id,
      before: { publishedAt: removed.publishedAt.toISOString() },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Reading published cards

/**
 * Who the reader may read cards of, as a condition on students for this term: herself, her
 * children (with portal access), a teacher's students of the term. Null: every student.
 */
function cardReaders(actor: Actor, scopes: readonly Scope[], term: TermRow): SQL | null {
  if (scopes.includes('all')) return null;
  const parts: SQL[] = [];
  const family = scopes.filter((s) => s === 'self' || s === 'children');
  if (family.length > 0) {
    const condition = studentScopeCondition(actor, family);
    if (condition) parts.push(condition);
  }
  if (scopes.includes('own-classes') && actor.linkedStaffId) {
    parts.push(teacherStudentsCondition(term, actor.linkedStaffId));
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

async function readableCard(tx: Tx, ctx: TenantContext, params: CardParams): Promise<ReportCard> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:read');
  const term = await findTerm(tx, params.termId);
  if (!term) throw cardNotFound();
  const everyone = scopes.includes('all');
  if (!(await studentVisible(tx, params.studentId, cardReaders(actor, scopes, term)))) {
    throw cardNotFound();
  }
  const card = await findReportCard(tx, term.id, params.studentId);
  // Only whole-school readers (admins) see a card whose term was unpublished since.
  if (!card || (!card.published && !everyone)) throw cardNotFound();
  return {
    termId: card.termId,
    studentId: card.studentId,
    publishedAt: card.publishedAt.toISOString(),
    published: card.published,
    content: withSchool(card.content, ctx),
  };
}

export async function getReportCard(ctx: TenantContext, params: CardParams): Promise<ReportCard> {
  requirePermission(ctx, 'report-cards:read');
  return ctx.services.db.withTenant(ctx.schoolId, (tx) => readableCard(tx, ctx, params));
}

/** The student's published cards the reader may open, newest term first. */
export async function listStudentReportCards(
  ctx: TenantContext,
  unverifiedStudentId: string,
): Promise<StudentReportCards> {
  const { actor, scopes } = requirePermission(ctx, 'report-cards:read');
  return ctx.services.db.withTenant(ctx.schoolId, async (tx) => {
    const cards = await listPublishedCards(tx, unverifiedStudentId);
    const visible: typeof cards = [];
    for (const card of cards) {
      const term = await findTerm(tx, card.termId);
      if (!term) continue;
      if (await studentVisible(tx, unverifiedStudentId, cardReaders(actor, scopes, term))) {
        visible.push(card);
      }
    }
    if (visible.length === 0) {
      // An empty list only for a student the reader may see at all; otherwise not found.
      const own = scopes.filter((s) => s !== 'own-classes');
      const seen =
        (own.length > 0 &&
          (await studentVisible(tx, unverifiedStudentId, studentScopeCondition(actor, own)))) ||
        (scopes.includes('own-classes') &&
          (await studentVisible(
            tx,
            unverifiedStudentId,
            studentScopeCondition(actor, ['own-classes']),
          )));
      if (!seen) throw new AppError('STUDENT_NOT_FOUND', 'No such student.');
    }
    return {
      items: visible.map((c) => ({
        termId: c.termId,
        termName: c.termName,
        academicYearName: c.academicYearName,
        termStartsOn: c.termStartsOn,
        publishedAt: c.publishedAt.toISOString(),
      })),
    };
  });
}

/** Letters, digits, dots and dashes only, so the name is safe in any header and file system. */
function fileSafe(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
}

export async function renderReportCard(
  ctx: TenantContext,
  params: CardParams,
  query: PdfQuery,
): Promise<{ filename: string; pdf: Buffer }> {
  requirePermission(ctx, 'report-cards:read');
  const card = await ctx.services.db.withTenant(ctx.schoolId, (tx) =>
    readableCard(tx, ctx, params),
  );
  const locale = query.locale ?? (ctx.school.locale === 'ar' ? 'ar' : 'en');
  const pdf = await renderReportCardPdf(card.content, locale);
  const admission = fileSafe(card.content.student.studentNumber) || card.studentId.slice(0, 8);
  // A term named in Arabic has nothing left once made ASCII; its first day names it instead.
  const term = fileSafe(card.content.term.name) || card.content.term.startsOn;
  return { filename: `report-card-${admission}-${term}.pdf`, pdf };
}
