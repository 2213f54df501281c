import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  AbsenceNoteListQuery,
  AbsenceNoteSchema,
  AttendanceSettingsSchema,
  CreateAbsenceNoteBody,
  CreateUnlockBody,
  LowAttendanceQuery,
  LowAttendanceSchema,
  MyRegistersQuery,
  MyRegistersSchema,
  RatesQuery,
  RatesReportSchema,
  RegisterHistoryQuery,
  RegisterHistorySchema,
  RegisterQuery,
  RegisterViewSchema,
  ReviewAbsenceNoteBody,
  ReviewedAbsenceNoteSchema,
  SavedRegisterSchema,
  SaveRegisterBody,
  StudentAttendanceQuery,
  StudentAttendanceSchema,
  UnlockListQuery,
  UnlockSchema,
  UpdateAttendanceSettingsBody,
  type AbsenceNoteListQuery as AbsenceNoteListInput,
  type CreateAbsenceNoteBody as CreateAbsenceNoteInput,
  type CreateUnlockBody as CreateUnlockInput,
  type LowAttendanceQuery as LowAttendanceInput,
  type MyRegistersQuery as MyRegistersInput,
  type RatesQuery as RatesInput,
  type RegisterHistoryQuery as RegisterHistoryInput,
  type RegisterQuery as RegisterInput,
  type ReviewAbsenceNoteBody as ReviewInput,
  type SaveRegisterBody as SaveRegisterInput,
  type StudentAttendanceQuery as StudentAttendanceInput,
  type UnlockListQuery as UnlockListInput,
  type UpdateAttendanceSettingsBody as UpdateSettingsInput,
} from '../../../shared/contracts/attendance.js';
import { IdParams, Page } from '../../../shared/contracts/identity.js';
import { tenantCtx } from '../../platform/auth/context.js';
import {
  listAbsenceNotes,
  reviewAbsenceNote,
  submitAbsenceNote,
  withdrawAbsenceNote,
} from './absence-notes.service.js';
import {
  getRegister,
  getRegisterHistory,
  listMyRegisters,
  saveRegister,
} from './registers.service.js';
import { attendanceRates, lowAttendanceStudents, studentAttendance } from './reports.service.js';
import {
  createUnlock,
  deleteUnlock,
  getAttendanceSettings,
  listUnlocks,
  updateAttendanceSettings,
} from './settings.service.js';

const hostKinds = ['tenant' as const, 'custom' as const];
const read = { hostKinds, access: { permission: 'attendance:read' as const } };
const record = { hostKinds, access: { permission: 'attendance:record' as const } };
const manage = { hostKinds, access: { permission: 'attendance:manage' as const } };
const tags = ['attendance'];
const StudentParams = Type.Object(
  { studentId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** The attendance API on school hosts. Services apply the relationship scopes. */
export function registerAttendanceRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: RegisterInput }>(
    '/api/attendance/register',
    {
      config: read,
      schema: {
        tags,
        summary:
          'A class (and period) or section register on a date, everyone present until recorded',
        querystring: RegisterQuery,
        response: { 200: RegisterViewSchema },
      },
    },
    async (request) => getRegister(tenantCtx(request), request.query),
  );

  app.put<{ Body: SaveRegisterInput }>(
    '/api/attendance/register',
    {
      config: record,
      schema: {
        tags,
        summary: 'Save a whole register at once; students left out are present',
        body: SaveRegisterBody,
        response: { 200: SavedRegisterSchema },
      },
    },
    async (request) => saveRegister(tenantCtx(request), request.body),
  );

  app.get<{ Params: { id: string }; Querystring: RegisterHistoryInput }>(
    '/api/attendance/registers/:id/history',
    {
      config: read,
      schema: {
        tags,
        summary: "A register's marks with every change made to them",
        params: IdParams,
        querystring: RegisterHistoryQuery,
        response: { 200: RegisterHistorySchema },
      },
    },
    async (request) => getRegisterHistory(tenantCtx(request), request.params.id, request.query),
  );

  app.get<{ Querystring: MyRegistersInput }>(
    '/api/attendance/mine',
    {
      config: read,
      schema: {
        tags,
        summary: 'The registers you take on a day (today unless given)',
        querystring: MyRegistersQuery,
        response: { 200: MyRegistersSchema },
      },
    },
    async (request) => listMyRegisters(tenantCtx(request), request.query),
  );

  app.get(
    '/api/attendance/settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Recording window and low-attendance threshold',
        response: { 200: AttendanceSettingsSchema },
      },
    },
    async (request) => getAttendanceSettings(tenantCtx(request)),
  );

  app.patch<{ Body: UpdateSettingsInput }>(
    '/api/attendance/settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the recording window or the low-attendance threshold',
        body: UpdateAttendanceSettingsBody,
        response: { 200: AttendanceSettingsSchema },
      },
    },
    async (request) => updateAttendanceSettings(tenantCtx(request), request.body),
  );

  app.get<{ Querystring: UnlockListInput }>(
    '/api/attendance/unlocks',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Unlocks letting staff record outside the window, newest first',
        querystring: UnlockListQuery,
        response: { 200: Page(UnlockSchema) },
      },
    },
    async (request) => listUnlocks(tenantCtx(request), request.query),
  );

  app.post<{ Body: CreateUnlockInput }>(
    '/api/attendance/unlocks',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Let a staff member record a span of dates outside the window until it expires',
        body: CreateUnlockBody,
        response: { 201: UnlockSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUnlock(tenantCtx(request), request.body)),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/attendance/unlocks/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Withdraw an unlock',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }) },
      },
    },
    async (request, reply) => {
      await deleteUnlock(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { studentId: string }; Querystring: StudentAttendanceInput }>(
    '/api/attendance/students/:studentId',
    {
      config: read,
      schema: {
        tags,
        summary: "A student's marks and attendance rate",
        params: StudentParams,
        querystring: StudentAttendanceQuery,
        response: { 200: StudentAttendanceSchema },
      },
    },
    async (request) =>
      studentAttendance(tenantCtx(request), request.params.studentId, request.query),
  );

  app.get<{ Querystring: RatesInput }>(
    '/api/attendance/reports/rates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Attendance rates by student, class, section or school (last 30 days by default)',
        querystring: RatesQuery,
        response: { 200: RatesReportSchema },
      },
    },
    async (request) => attendanceRates(tenantCtx(request), request.query),
  );

  app.get<{ Querystring: LowAttendanceInput }>(
    '/api/attendance/reports/low',
    {
      config: read,
      schema: {
        tags,
        summary: 'Students below the attendance threshold, worst first',
        querystring: LowAttendanceQuery,
        response: { 200: LowAttendanceSchema },
      },
    },
    async (request) => lowAttendanceStudents(tenantCtx(request), request.query),
  );

  app.get<{ Querystring: AbsenceNoteListInput }>(
    '/api/attendance/absence-notes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Absence notes you may see, newest first',
        querystring: AbsenceNoteListQuery,
        response: { 200: Page(AbsenceNoteSchema) },
      },
    },
    async (request) => listAbsenceNotes(tenantCtx(request), request.query),
  );

  app.post<{ Body: CreateAbsenceNoteInput }>(
    '/api/attendance/absence-notes',
    {
      config: read,
      schema: {
        tags,
        summary: "A guardian explains her child's absence",
        body: CreateAbsenceNoteBody,
        response: { 201: AbsenceNoteSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitAbsenceNote(tenantCtx(request), request.body)),
  );

  for (const [action, decision] of [
    ['accept', 'accepted'],
    ['reject', 'rejected'],
  ] as const) {
    app.post<{ Params: { id: string }; Body: ReviewInput }>(
      `/api/attendance/absence-notes/:id/${action}`,
      {
        config: record,
        schema: {
          tags,
          summary:
            decision === 'accepted'
              ? "Accept a pending note: the student's absences in its dates become excused"
              : 'Reject a pending note',
          params: IdParams,
          body: ReviewAbsenceNoteBody,
          response: { 200: ReviewedAbsenceNoteSchema },
        },
        // A review without a comment may come without a body.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) =>
        reviewAbsenceNote(tenantCtx(request), request.params.id, decision, request.body),
    );
  }

  app.post<{ Params: { id: string } }>(
    '/api/attendance/absence-notes/:id/withdraw',
    {
      config: read,
      schema: {
        tags,
        summary: 'The guardian takes back a note nobody has reviewed yet',
        params: IdParams,
        response: { 200: AbsenceNoteSchema },
      },
    },
    async (request) => withdrawAbsenceNote(tenantCtx(request), request.params.id),
  );
}
