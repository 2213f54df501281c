import type { FastifyInstance } from 'fastify';
import { IdParams, Page, UserSchema } from '../../../shared/contracts/identity.js';
import {
  CreateStudentBody,
  LinkAccountBody,
  StudentGuardianBody,
  StudentGuardianList,
  StudentGuardianParams,
  StudentGuardianSchema,
  StudentListQuery,
  StudentSchema,
  StudentStatusBody,
  UpdateStudentBody,
  type CreateStudentBody as CreateInput,
  type LinkAccountBody as AccountInput,
  type StudentGuardianBody as LinkInput,
  type StudentListQuery as ListInput,
  type StudentStatusBody as StatusInput,
  type UpdateStudentBody as UpdateInput,
} from '../../../shared/contracts/people.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  linkGuardian,
  listGuardiansOfStudent,
  unlinkGuardian,
} from './student-guardians.service.js';
import {
  changeStudentStatus,
  createStudent,
  createStudentAccount,
  deleteStudent,
  getStudent,
  listStudents,
  updateStudent,
} from './students.service.js';

const school = { hostKinds: ['tenant' as const, 'custom' as const] };
const tags = ['students'];

export function registerStudentRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: ListInput }>(
    '/api/students',
    {
      config: { ...school, access: { permission: 'students:read' } },
      schema: {
        tags,
        summary: 'List students the actor may see (search, filters, keyset pages)',
        querystring: StudentListQuery,
        response: { 200: Page(StudentSchema) },
      },
    },
    async (request) => listStudents(tenantCtx(request), request.query),
  );

  app.post<{ Body: CreateInput }>(
    '/api/students',
    {
      config: { ...school, access: { permission: 'students:manage' } },
      schema: {
        tags,
        summary: "Admit a student (counts against the plan's student limit)",
        body: CreateStudentBody,
        response: { 201: StudentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createStudent(tenantCtx(request), request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/students/:id',
    {
      config: { ...school, access: { permission: 'students:read' } },
      schema: { tags, summary: 'One student', params: IdParams, response: { 200: StudentSchema } },
    },
    async (request) => getStudent(tenantCtx(request), request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: UpdateInput }>(
    '/api/students/:id',
    {
      config: { ...school, access: { permission: 'students:manage' } },
      schema: {
        tags,
        summary: 'Change a student record (not the status)',
        params: IdParams,
        body: UpdateStudentBody,
        response: { 200: StudentSchema },
      },
    },
    async (request) => updateStudent(tenantCtx(request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/students/:id',
    {
      config: { ...school, access: { permission: 'students:manage' } },
      schema: {
        tags,
        summary: 'Delete a record entered by mistake (409 IN_USE once it has history)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await deleteStudent(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: StatusInput }>(
    '/api/students/:id/status',
    {
      config: { ...school, access: { permission: 'students:manage' } },
      schema: {
        tags,
        summary: 'Move a student along the lifecycle (409 INVALID_TRANSITION otherwise)',
        params: IdParams,
        body: StudentStatusBody,
        response: { 200: StudentSchema },
      },
    },
    async (request) => changeStudentStatus(tenantCtx(request), request.params.id, request.body),
  );

  app.get<{ Params: { id: string } }>(
    '/api/students/:id/guardians',
    {
      config: { ...school, access: { permission: 'guardians:read' } },
      schema: {
        tags,
        summary: "The student's guardians with their flags, primary contact first",
        params: IdParams,
        response: { 200: StudentGuardianList },
      },
    },
    async (request) => listGuardiansOfStudent(tenantCtx(request), request.params.id),
  );

  app.put<{ Params: { id: string; guardianId: string }; Body: LinkInput }>(
    '/api/students/:id/guardians/:guardianId',
    {
      config: { ...school, access: { permission: 'students:manage' } },
      schema: {
        tags,
        summary: 'Link a guardian to the student, or change the flags of the link',
        params: StudentGuardianParams,
        body: StudentGuardianBody,
        response: { 200: StudentGuardianSchema, 201: StudentGuardianSchema },
      },
    },
    async (request, reply) => {
      const { created, link } = await linkGuardian(
        tenantCtx(request),
        request.params.id,
        request.params.guardianId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(link);
    },
  );

  app.delete<{ Params: { id: string; guardianId: string } }>(
    '/api/students/:id/guardians/:guardianId',
    {
      config: { ...school, access: { permission: 'students:manage' } },
      schema: {
        tags,
        summary: 'Unlink a guardian from the student',
        params: StudentGuardianParams,
      },
    },
    async (request, reply) => {
      await unlinkGuardian(tenantCtx(request), request.params.id, request.params.guardianId);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: AccountInput }>(
    '/api/students/:id/account',
    {
      config: { ...school, access: { permission: 'students:manage' } },
      schema: {
        tags,
        summary: 'Give the student an account: an invited user with the student role',
        params: IdParams,
        body: LinkAccountBody,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createStudentAccount(tenantCtx(request), request.params.id, request.body)),
  );
}
