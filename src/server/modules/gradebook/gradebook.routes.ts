import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  AssessmentCategoryListSchema,
  AssessmentCategorySchema,
  AssessmentListQuery,
  AssessmentListSchema,
  AssessmentSchema,
  ClassIdParams,
  CreateAssessmentBody,
  CreateAssessmentCategoryBody,
  CreateGradingScaleBody,
  GradebookGridSchema,
  GradebookSettingsSchema,
  GradingScaleListSchema,
  GradingScaleSchema,
  SaveScoresBody,
  SaveScoresResultSchema,
  StudentGradesQuery,
  StudentGradesSchema,
  StudentIdParams,
  UpdateAssessmentBody,
  UpdateAssessmentCategoryBody,
  UpdateGradebookSettingsBody,
  UpdateGradingScaleBody,
  type AssessmentListQuery as AssessmentListInput,
  type CreateAssessmentBody as CreateAssessmentInput,
  type CreateAssessmentCategoryBody as CreateCategoryInput,
  type CreateGradingScaleBody as CreateScaleInput,
  type SaveScoresBody as SaveScoresInput,
  type StudentGradesQuery as StudentGradesInput,
  type UpdateAssessmentBody as UpdateAssessmentInput,
  type UpdateAssessmentCategoryBody as UpdateCategoryInput,
  type UpdateGradebookSettingsBody as UpdateSettingsInput,
  type UpdateGradingScaleBody as UpdateScaleInput,
} from '../../../shared/contracts/gradebook.js';
import { IdParams } from '../../../shared/contracts/identity.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessments,
  updateAssessment,
} from './assessments.service.js';
import {
  createCategory,
  deleteCategory,
  listCategories,
  updateCategory,
} from './categories.service.js';
import { getGradebook, saveScores } from './grid.service.js';
import {
  createScale,
  deleteScale,
  getGradebookSettings,
  listScales,
  makeScaleDefault,
  updateScale,
  updateGradebookSettings,
} from './scales.service.js';
import { getStudentGrades } from './student-grades.service.js';

const hostKinds = ['tenant' as const, 'custom' as const];
const read = { hostKinds, access: { permission: 'grades:read' as const } };
const record = { hostKinds, access: { permission: 'grades:record' as const } };
const manage = { hostKinds, access: { permission: 'grades:manage' as const } };
const deleted = { 204: Type.Null({ description: 'Deleted' }) };

/** A full save of 2,000 cells with long comments is larger than the default body limit. */
const SCORES_BODY_LIMIT = 4 * 1024 * 1024;

/** The gradebook API on school hosts. */
export function registerGradebookRoutes(app: FastifyInstance): void {
  const scales = ['grading scales'];
  app.get(
    '/api/grading-scales',
    {
      config: read,
      schema: {
        tags: scales,
        summary: "The school's grading scales and the one averages are banded with",
        response: { 200: GradingScaleListSchema },
      },
    },
    async (request) => listScales(tenantCtx(request)),
  );
  app.post<{ Body: CreateScaleInput }>(
    '/api/grading-scales',
    {
      config: manage,
      schema: {
        tags: scales,
        summary: 'Create a grading scale (the first one becomes the default)',
        body: CreateGradingScaleBody,
        response: { 201: GradingScaleSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createScale(tenantCtx(request), request.body)),
  );
  app.patch<{ Params: { id: string }; Body: UpdateScaleInput }>(
    '/api/grading-scales/:id',
    {
      config: manage,
      schema: {
        tags: scales,
        summary: 'Rename a grading scale or change its bands',
        params: IdParams,
        body: UpdateGradingScaleBody,
        response: { 200: GradingScaleSchema },
      },
    },
    async (request) => updateScale(tenantCtx(request), request.params.id, request.body),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/grading-scales/:id',
    {
      config: manage,
      schema: {
        tags: scales,
        summary: 'Delete a grading scale (the default only when it is the last one)',
        params: IdParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteScale(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post<{ Params: { id: string } }>(
    '/api/grading-scales/:id/make-default',
    {
      config: manage,
      schema: {
        tags: scales,
        summary: 'Make this the default scale (the previous default stops being one)',
        params: IdParams,
        response: { 200: GradingScaleSchema },
      },
    },
    async (request) => makeScaleDefault(tenantCtx(request), request.params.id),
  );

  const settings = ['gradebook settings'];
  app.get(
    '/api/gradebook/settings',
    {
      config: read,
      schema: {
        tags: settings,
        summary: "The school's gradebook settings",
        response: { 200: GradebookSettingsSchema },
      },
    },
    async (request) => getGradebookSettings(tenantCtx(request)),
  );
  app.patch<{ Body: UpdateSettingsInput }>(
    '/api/gradebook/settings',
    {
      config: manage,
      schema: {
        tags: settings,
        summary: 'Change the gradebook settings',
        body: UpdateGradebookSettingsBody,
        response: { 200: GradebookSettingsSchema },
      },
    },
    async (request) => updateGradebookSettings(tenantCtx(request), request.body),
  );

  const categories = ['assessment categories'];
  app.get<{ Params: { classId: string } }>(
    '/api/classes/:classId/assessment-categories',
    {
      config: read,
      schema: {
        tags: categories,
        summary: "A class's weighted assessment categories",
        params: ClassIdParams,
        response: { 200: AssessmentCategoryListSchema },
      },
    },
    async (request) => listCategories(tenantCtx(request), request.params.classId),
  );
  app.post<{ Params: { classId: string }; Body: CreateCategoryInput }>(
    '/api/classes/:classId/assessment-categories',
    {
      config: record,
      schema: {
        tags: categories,
        summary: 'Add an assessment category to a class',
        params: ClassIdParams,
        body: CreateAssessmentCategoryBody,
        response: { 201: AssessmentCategorySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCategory(tenantCtx(request), request.params.classId, request.body)),
  );
  app.patch<{ Params: { id: string }; Body: UpdateCategoryInput }>(
    '/api/assessment-categories/:id',
    {
      config: record,
      schema: {
        tags: categories,
        summary: 'Rename, reweigh or reorder an assessment category',
        params: IdParams,
        body: UpdateAssessmentCategoryBody,
        response: { 200: AssessmentCategorySchema },
      },
    },
    async (request) => updateCategory(tenantCtx(request), request.params.id, request.body),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/assessment-categories/:id',
    {
      config: record,
      schema: {
        tags: categories,
        summary: 'Delete an assessment category without assessments (409 IN_USE otherwise)',
        params: IdParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteCategory(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  const assessments = ['assessments'];
  app.get<{ Querystring: AssessmentListInput }>(
    '/api/assessments',
    {
      config: read,
      schema: {
        tags: assessments,
        summary: "A class's assessments (students and guardians: the published ones)",
        querystring: AssessmentListQuery,
        response: { 200: AssessmentListSchema },
      },
    },
    async (request) => listAssessments(tenantCtx(request), request.query),
  );
  app.post<{ Body: CreateAssessmentInput }>(
    '/api/assessments',
    {
      config: record,
      schema: {
        tags: assessments,
        summary: 'Create an assessment in a class',
        body: CreateAssessmentBody,
        response: { 201: AssessmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAssessment(tenantCtx(request), request.body)),
  );
  app.get<{ Params: { id: string } }>(
    '/api/assessments/:id',
    {
      config: read,
      schema: {
        tags: assessments,
        summary: 'One assessment',
        params: IdParams,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => getAssessment(tenantCtx(request), request.params.id),
  );
  app.patch<{ Params: { id: string }; Body: UpdateAssessmentInput }>(
    '/api/assessments/:id',
    {
      config: record,
      schema: {
        tags: assessments,
        summary: 'Change an assessment; `published: true` publishes it',
        params: IdParams,
        body: UpdateAssessmentBody,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => updateAssessment(tenantCtx(request), request.params.id, request.body),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/assessments/:id',
    {
      config: record,
      schema: {
        tags: assessments,
        summary: 'Delete an assessment and its scores',
        params: IdParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteAssessment(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  const grid = ['gradebook'];
  app.get<{ Params: { classId: string } }>(
    '/api/classes/:classId/gradebook',
    {
      config: read,
      schema: {
        tags: grid,
        summary: "A class's score grid with every student's average (teachers and admins)",
        params: ClassIdParams,
        response: { 200: GradebookGridSchema },
      },
    },
    async (request) => getGradebook(tenantCtx(request), request.params.classId),
  );
  app.put<{ Params: { classId: string }; Body: SaveScoresInput }>(
    '/api/classes/:classId/scores',
    {
      config: record,
      bodyLimit: SCORES_BODY_LIMIT,
      schema: {
        tags: grid,
        summary: 'Save many scores of a class at once, all or nothing',
        params: ClassIdParams,
        body: SaveScoresBody,
        response: { 200: SaveScoresResultSchema },
      },
    },
    async (request) => saveScores(tenantCtx(request), request.params.classId, request.body),
  );
  app.get<{ Params: { studentId: string }; Querystring: StudentGradesInput }>(
    '/api/students/:studentId/grades',
    {
      config: read,
      schema: {
        tags: grid,
        summary: "A student's grades in a term (default: the current one), class by class",
        params: StudentIdParams,
        querystring: StudentGradesQuery,
        response: { 200: StudentGradesSchema },
      },
    },
    async (request) =>
      getStudentGrades(tenantCtx(request), request.params.studentId, request.query),
  );
}
