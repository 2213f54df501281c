import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../shared/contracts/identity.js';
import {
  CopyResultSchema,
  CopyTimetableBody,
  CreateEntryBody,
  CreatePeriodBody,
  DayQuery,
  DaySchema,
  PeriodListSchema,
  PeriodSchema,
  TimetableEntrySchema,
  UpdateEntryBody,
  UpdatePeriodBody,
  WeekQuery,
  WeekSchema,
  type CopyTimetableBody as CopyInput,
  type CreateEntryBody as CreateEntryInput,
  type CreatePeriodBody as CreatePeriodInput,
  type DayQuery as DayInput,
  type UpdateEntryBody as UpdateEntryInput,
  type UpdatePeriodBody as UpdatePeriodInput,
  type WeekQuery as WeekInput,
} from '../../../shared/contracts/timetable.js';
import { tenantCtx } from '../../platform/auth/context.js';
import { copyTimetable } from './copy.service.js';
import { createEntry, deleteEntry, updateEntry } from './entries.service.js';
import {
  createPeriod,
  deletePeriod,
  getPeriod,
  listPeriods,
  updatePeriod,
} from './periods.service.js';
import { getMyDay, getWeek } from './week.service.js';

const hostKinds = ['tenant' as const, 'custom' as const];
const read = { hostKinds, access: { permission: 'timetable:read' as const } };
const manage = { hostKinds, access: { permission: 'timetable:manage' as const } };
const Deleted = { 204: Type.Null({ description: 'Deleted' }) };

/** The timetable API on school hosts. */
export function registerTimetableRoutes(app: FastifyInstance): void {
  const periods = ['periods'];
  app.get(
    '/api/periods',
    {
      config: read,
      schema: {
        tags: periods,
        summary: 'Every period of the school day, by position then start time',
        response: { 200: PeriodListSchema },
      },
    },
    async (request) => listPeriods(tenantCtx(request)),
  );
  app.post<{ Body: CreatePeriodInput }>(
    '/api/periods',
    {
      config: manage,
      schema: {
        tags: periods,
        summary: 'Add a period (its times must not overlap another on a shared day)',
        body: CreatePeriodBody,
        response: { 201: PeriodSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPeriod(tenantCtx(request), request.body)),
  );
  app.get<{ Params: { id: string } }>(
    '/api/periods/:id',
    {
      config: read,
      schema: {
        tags: periods,
        summary: 'One period',
        params: IdParams,
        response: { 200: PeriodSchema },
      },
    },
    async (request) => getPeriod(tenantCtx(request), request.params.id),
  );
  app.patch<{ Params: { id: string }; Body: UpdatePeriodInput }>(
    '/api/periods/:id',
    {
      config: manage,
      schema: {
        tags: periods,
        summary: 'Change a period',
        params: IdParams,
        body: UpdatePeriodBody,
        response: { 200: PeriodSchema },
      },
    },
    async (request) => updatePeriod(tenantCtx(request), request.params.id, request.body),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/periods/:id',
    {
      config: manage,
      schema: {
        tags: periods,
        summary: 'Delete a period no entry uses (409 IN_USE otherwise)',
        params: IdParams,
        response: Deleted,
      },
    },
    async (request, reply) => {
      await deletePeriod(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  const tags = ['timetable'];
  app.get<{ Querystring: WeekInput }>(
    '/api/timetable',
    {
      config: read,
      schema: {
        tags,
        summary:
          "A week of one section, teacher, room, student or class (students: their own; guardians: their children's)",
        querystring: WeekQuery,
        response: { 200: WeekSchema },
      },
    },
    async (request) => getWeek(tenantCtx(request), request.query),
  );
  app.get<{ Querystring: DayInput }>(
    '/api/timetable/day',
    {
      config: read,
      schema: {
        tags,
        summary: 'Your classes on a day: those you teach, attend, or your children attend',
        querystring: DayQuery,
        response: { 200: DaySchema },
      },
    },
    async (request) => getMyDay(tenantCtx(request), request.query),
  );
  app.post<{ Body: CreateEntryInput }>(
    '/api/timetable/entries',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Put a class in a period on a weekday (409 TIMETABLE_CONFLICT on a clash)',
        body: CreateEntryBody,
        response: { 201: TimetableEntrySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEntry(tenantCtx(request), request.body)),
  );
  app.patch<{ Params: { id: string }; Body: UpdateEntryInput }>(
    '/api/timetable/entries/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move or change an entry (clashes are checked again)',
        params: IdParams,
        body: UpdateEntryBody,
        response: { 200: TimetableEntrySchema },
      },
    },
    async (request) => updateEntry(tenantCtx(request), request.params.id, request.body),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/timetable/entries/:id',
    {
      config: manage,
      schema: { tags, summary: 'Remove an entry', params: IdParams, response: Deleted },
    },
    async (request, reply) => {
      await deleteEntry(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post<{ Body: CopyInput }>(
    '/api/timetable/copy',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Copy a term's timetable into another term, creating missing classes (all or nothing)",
        body: CopyTimetableBody,
        response: { 200: CopyResultSchema },
      },
    },
    async (request) => copyTimetable(tenantCtx(request), request.body),
  );
}
