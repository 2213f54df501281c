import type { FastifyInstance } from 'fastify';
import {
  CardParams,
  CommentGroupsQuery,
  CommentGroupsSchema,
  CommentRosterSchema,
  CommentsQuery,
  OverviewQuery,
  OverviewSchema,
  PdfQuery,
  PreviewQuery,
  PublicationSchema,
  ReportCardCommentSchema,
  ReportCardContentSchema,
  ReportCardSchema,
  SaveCommentBody,
  StudentParams,
  StudentReportCardsSchema,
  TermBody,
  type CardParams as CardInput,
  type CommentGroupsQuery as CommentGroupsInput,
  type CommentsQuery as CommentsInput,
  type OverviewQuery as OverviewInput,
  type PdfQuery as PdfInput,
  type PreviewQuery as PreviewInput,
  type SaveCommentBody as SaveCommentInput,
  type TermBody as TermInput,
} from '../../../shared/contracts/report-cards.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  deleteComment,
  getOverview,
  getReportCard,
  listCommentGroups,
  listComments,
  listStudentReportCards,
  previewReportCard,
  publishReportCards,
  renderReportCard,
  saveComment,
  unpublishReportCards,
} from './report-cards.service.js';

// Report cards are a plan feature: a school whose plan has none gets FEATURE_NOT_AVAILABLE.
const school = { hostKinds: ['tenant' as const, 'custom' as const], feature: 'reportCards' };
const read = { ...school, access: { permission: 'report-cards:read' as const } };
const comment = { ...school, access: { permission: 'report-cards:comment' as const } };
const publish = { ...school, access: { permission: 'report-cards:publish' as const } };
const tags = ['report-cards'];

/** The report-cards API on school hosts. */
export function registerReportCardsRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: CommentGroupsInput }>(
    '/api/report-cards/comment-groups',
    {
      config: comment,
      schema: {
        tags,
        summary: 'Classes and homeroom sections of a term you may comment on',
        querystring: CommentGroupsQuery,
        response: { 200: CommentGroupsSchema },
      },
    },
    async (request) => listCommentGroups(tenantCtx(request), request.query),
  );

  app.get<{ Querystring: CommentsInput }>(
    '/api/report-cards/comments',
    {
      config: comment,
      schema: {
        tags,
        summary: "A class's roster (or a homeroom section) with each student's comment",
        querystring: CommentsQuery,
        response: { 200: CommentRosterSchema },
      },
    },
    async (request) => listComments(tenantCtx(request), request.query),
  );

  app.put<{ Body: SaveCommentInput }>(
    '/api/report-cards/comments',
    {
      config: comment,
      schema: {
        tags,
        summary: 'Write the comment on a student for a class, or the homeroom comment (no class)',
        body: SaveCommentBody,
        response: { 200: ReportCardCommentSchema, 201: ReportCardCommentSchema },
      },
    },
    async (request, reply) => {
      const { comment: saved, created } = await saveComment(tenantCtx(request), request.body);
      return reply.status(created ? 201 : 200).send(saved);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/report-cards/comments/:id',
    {
      config: comment,
      schema: { tags, summary: 'Remove a comment', params: StudentParams },
    },
    async (request, reply) => {
      await deleteComment(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: PreviewInput }>(
    '/api/report-cards/preview',
    {
      config: read,
      schema: {
        tags,
        summary: "A student's card as it would be published now (not stored)",
        querystring: PreviewQuery,
        response: { 200: ReportCardContentSchema },
      },
    },
    async (request) => previewReportCard(tenantCtx(request), request.query),
  );

  app.get<{ Querystring: OverviewInput }>(
    '/api/report-cards',
    {
      config: read,
      schema: {
        tags,
        summary: "A term's students with missing comments and cards, and its publication",
        querystring: OverviewQuery,
        response: { 200: OverviewSchema },
      },
    },
    async (request) => getOverview(tenantCtx(request), request.query),
  );

  app.post<{ Body: TermInput }>(
    '/api/report-cards/publish',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Snapshot every card of the term and show them to students and guardians',
        body: TermBody,
        response: { 200: PublicationSchema },
      },
    },
    async (request) => publishReportCards(tenantCtx(request), request.body),
  );

  app.post<{ Body: TermInput }>(
    '/api/report-cards/unpublish',
    {
      config: publish,
      schema: {
        tags,
        summary: "Hide the term's cards again (the snapshots are kept)",
        body: TermBody,
      },
    },
    async (request, reply) => {
      await unpublishReportCards(tenantCtx(request), request.body);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: CardInput }>(
    '/api/report-cards/terms/:termId/students/:studentId',
    {
      config: read,
      schema: {
        tags,
        summary: "A student's published card",
        params: CardParams,
        response: { 200: ReportCardSchema },
      },
    },
    async (request) => getReportCard(tenantCtx(request), request.params),
  );

  app.get<{ Params: CardInput; Querystring: PdfInput }>(
    '/api/report-cards/terms/:termId/students/:studentId/pdf',
    {
      config: read,
      schema: {
        tags,
        summary: "A student's published card as a PDF (English or Arabic)",
        params: CardParams,
        querystring: PdfQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { filename, pdf } = await renderReportCard(
        tenantCtx(request),
        request.params,
        request.query,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/students/:id/report-cards',
    {
      config: read,
      schema: {
        tags,
        summary: "A student's published report cards you may read",
        params: StudentParams,
        response: { 200: StudentReportCardsSchema },
      },
    },
    async (request) => listStudentReportCards(tenantCtx(request), request.params.id),
  );
}
