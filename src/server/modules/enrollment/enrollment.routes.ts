import type { FastifyInstance } from 'fastify';
import {
  BulkClassEnrollmentSchema,
  ClassEnrollmentSchema,
  EndClassEnrollmentBody,
  EnrollInClassBody,
  EnrollInSectionBody,
  IdParams,
  MyClassesSchema,
  RosterQuery,
  RosterSchema,
  SectionEnrollmentSchema,
  StaffClassesQuery,
  StaffClassesSchema,
  StudentClassesQuery,
  StudentClassesSchema,
  type EndClassEnrollmentBody as EndInput,
  type EnrollInClassBody as ClassInput,
  type EnrollInSectionBody as SectionInput,
  type RosterQuery as RosterInput,
  type StaffClassesQuery as StaffClassesInput,
  type StudentClassesQuery as StudentClassesInput,
} from '../../../shared/contracts/enrollment.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  deleteClassEnrollment,
  deleteSectionEnrollment,
  endClassEnrollment,
  enrollStudentInSection,
  enrollStudentsInClass,
  getClassRoster,
  listMyClasses,
  listStaffClasses,
  listStudentClasses,
} from './enrollment.service.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };
const manage = { ...school, access: { permission: 'enrollment:manage' as const } };
const tags = ['enrollment'];

export function registerEnrollmentRoutes(app: FastifyInstance): void {
  app.post<{ Body: SectionInput }>(
    '/api/enrollments/sections',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Put a student in a section for a year (moves them if already placed that year)',
        body: EnrollInSectionBody,
        response: { 200: SectionEnrollmentSchema, 201: SectionEnrollmentSchema },
      },
    },
    async (request, reply) => {
      const { enrollment, created } = await enrollStudentInSection(
        tenantCtx(request),
        request.body,
      );
      return reply.status(created ? 201 : 200).send(enrollment);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/enrollments/sections/:id',
    {
      config: manage,
      schema: { tags, summary: 'Remove a section enrollment', params: IdParams },
    },
    async (request, reply) => {
      await deleteSectionEnrollment(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Body: ClassInput }>(
    '/api/enrollments/classes',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Enroll students in a class, all or nothing',
        body: EnrollInClassBody,
        response: { 200: BulkClassEnrollmentSchema, 201: BulkClassEnrollmentSchema },
      },
    },
    async (request, reply) => {
      const result = await enrollStudentsInClass(tenantCtx(request), request.body);
      return reply.status(result.created.length > 0 ? 201 : 200).send(result);
    },
  );

  app.post<{ Params: { id: string }; Body: EndInput }>(
    '/api/enrollments/classes/:id/end',
    {
      config: manage,
      schema: {
        tags,
        summary: 'End a class enrollment (today unless a date is given)',
        params: IdParams,
        body: EndClassEnrollmentBody,
        response: { 200: ClassEnrollmentSchema },
      },
      // "End it today" needs no fields, so a request without a body means an empty one.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => endClassEnrollment(tenantCtx(request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/enrollments/classes/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a class enrollment that has not started before today',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await deleteClassEnrollment(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string }; Querystring: RosterInput }>(
    '/api/classes/:id/roster',
    {
      config: { ...school, access: { permission: 'students:read' } },
      schema: {
        tags,
        summary: 'Students in the class on a day (today unless given)',
        params: IdParams,
        querystring: RosterQuery,
        response: { 200: RosterSchema },
      },
    },
    async (request) => getClassRoster(tenantCtx(request), request.params.id, request.query),
  );

  app.get<{ Params: { id: string }; Querystring: StudentClassesInput }>(
    '/api/students/:id/classes',
    {
      config: { ...school, access: { permission: 'students:read' } },
      schema: {
        tags,
        summary: "A student's classes on a day (today unless given)",
        params: IdParams,
        querystring: StudentClassesQuery,
        response: { 200: StudentClassesSchema },
      },
    },
    async (request) => listStudentClasses(tenantCtx(request), request.params.id, request.query),
  );

  app.get<{ Params: { id: string }; Querystring: StaffClassesInput }>(
    '/api/staff/:id/classes',
    {
      config: { ...school, access: { permission: 'academics:read' } },
      schema: {
        tags,
        summary: 'Classes a staff member teaches (one term, or current and upcoming terms)',
        params: IdParams,
        querystring: StaffClassesQuery,
        response: { 200: StaffClassesSchema },
      },
    },
    async (request) => listStaffClasses(tenantCtx(request), request.params.id, request.query),
  );

  app.get(
    '/api/me/classes',
    {
      config: { ...school, access: { permission: 'academics:read' } },
      schema: {
        tags: ['me', 'enrollment'],
        summary: 'Your classes: those you teach, attend, or your children attend',
        response: { 200: MyClassesSchema },
      },
    },
    async (request) => listMyClasses(tenantCtx(request)),
  );
}
