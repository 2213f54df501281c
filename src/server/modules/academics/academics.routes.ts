import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  AcademicYearListQuery,
  AcademicYearSchema,
  ClassListQuery,
  ClassSchema,
  CreateAcademicYearBody,
  CreateClassBody,
  CreateGradeLevelBody,
  CreateRoomBody,
  CreateSectionBody,
  CreateSubjectBody,
  CreateTermBody,
  GradeLevelListQuery,
  GradeLevelSchema,
  RoomListQuery,
  RoomSchema,
  SectionListQuery,
  SectionSchema,
  SubjectListQuery,
  SubjectSchema,
  TermListQuery,
  TermSchema,
  UpdateAcademicYearBody,
  UpdateClassBody,
  UpdateGradeLevelBody,
  UpdateRoomBody,
  UpdateSectionBody,
  UpdateSubjectBody,
  UpdateTermBody,
} from '../../../shared/contracts/academics.js';
import { IdParams, Page } from '../../../shared/contracts/identity.js';
import { tenantCtx, type TenantContext } from '../../platform/auth/context.js';
import {
  createAcademicYear,
  createTerm,
  deleteAcademicYear,
  deleteTerm,
  getAcademicYear,
  getTerm,
  listAcademicYears,
  listTerms,
  makeAcademicYearCurrent,
  updateAcademicYear,
  updateTerm,
} from './calendar.service.js';
import { createClass, deleteClass, getClass, listClasses, updateClass } from './classes.service.js';
import {
  createGradeLevel,
  createRoom,
  createSection,
  createSubject,
  deleteGradeLevel,
  deleteRoom,
  deleteSection,
  deleteSubject,
  getGradeLevel,
  getRoom,
  getSection,
  getSubject,
  listGradeLevels,
  listRooms,
  listSections,
  listSubjects,
  updateGradeLevel,
  updateRoom,
  updateSection,
  updateSubject,
} from './structure.service.js';

const hostKinds = ['tenant' as const, 'custom' as const];
const read = { hostKinds, access: { permission: 'academics:read' as const } };
const manage = { hostKinds, access: { permission: 'academics:manage' as const } };

interface Resource<
  Item extends TObject,
  Query extends TObject,
  Create extends TObject,
  Update extends TObject,
> {
  path: string;
  tag: string;
  noun: string;
  schemas: { item: Item; query: Query; create: Create; update: Update };
  list(
    ctx: TenantContext,
    query: Static<Query>,
  ): Promise<{ items: Static<Item>[]; nextCursor: string | null }>;
  get(ctx: TenantContext, id: string): Promise<Static<Item>>;
  create(ctx: TenantContext, body: Static<Create>): Promise<Static<Item>>;
  update(ctx: TenantContext, id: string, body: Static<Update>): Promise<Static<Item>>;
  remove(ctx: TenantContext, id: string): Promise<void>;
}

/**
 * The five routes every academic resource has; each calls one service function. The schemas
 * validate query and body before the handler runs, which is what makes the casts hold.
 */
function registerResource<
  Item extends TObject,
  Query extends TObject,
  Create extends TObject,
  Update extends TObject,
>(app: FastifyInstance, r: Resource<Item, Query, Create, Update>): void {
  const { item, query, create, update } = r.schemas;
  const tags = [r.tag];
  app.get(
    r.path,
    {
      config: read,
      schema: {
        tags,
        summary: `List ${r.tag}`,
        querystring: query,
        response: { 200: Page(item) },
      },
    },
    async (request) => r.list(tenantCtx(request), request.query as Static<Query>),
  );
  app.post<{ Body: unknown }>(
    r.path,
    {
      config: manage,
      schema: { tags, summary: `Create a ${r.noun}`, body: create, response: { 201: item } },
    },
    async (request, reply) =>
      reply.status(201).send(await r.create(tenantCtx(request), request.body as Static<Create>)),
  );
  app.get<{ Params: { id: string } }>(
    `${r.path}/:id`,
    {
      config: read,
      schema: { tags, summary: `One ${r.noun}`, params: IdParams, response: { 200: item } },
    },
    async (request) => r.get(tenantCtx(request), request.params.id),
  );
  app.patch<{ Params: { id: string } }>(
    `${r.path}/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: `Change a ${r.noun}`,
        params: IdParams,
        body: update,
        response: { 200: item },
      },
    },
    async (request) =>
      r.update(tenantCtx(request), request.params.id, request.body as Static<Update>),
  );
  app.delete<{ Params: { id: string } }>(
    `${r.path}/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: `Delete a ${r.noun} nothing depends on (409 IN_USE otherwise)`,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }) },
      },
    },
    async (request, reply) => {
      await r.remove(tenantCtx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}

export function registerAcademicsRoutes(app: FastifyInstance): void {
  registerResource(app, {
    path: '/api/academic-years',
    tag: 'academic years',
    noun: 'academic year',
    schemas: {
      item: AcademicYearSchema,
      query: AcademicYearListQuery,
      create: CreateAcademicYearBody,
      update: UpdateAcademicYearBody,
    },
    list: listAcademicYears,
    get: getAcademicYear,
    create: createAcademicYear,
    update: updateAcademicYear,
    remove: deleteAcademicYear,
  });
  app.post<{ Params: { id: string } }>(
    '/api/academic-years/:id/make-current',
    {
      config: manage,
      schema: {
        tags: ['academic years'],
        summary: 'Make this the current year (the previous one stops being current)',
        params: IdParams,
        response: { 200: AcademicYearSchema },
      },
    },
    async (request) => makeAcademicYearCurrent(tenantCtx(request), request.params.id),
  );

  registerResource(app, {
    path: '/api/terms',
    tag: 'terms',
    noun: 'term',
    schemas: {
      item: TermSchema,
      query: TermListQuery,
      create: CreateTermBody,
      update: UpdateTermBody,
    },
    list: listTerms,
    get: getTerm,
    create: createTerm,
    update: updateTerm,
    remove: deleteTerm,
  });

  registerResource(app, {
    path: '/api/grade-levels',
    tag: 'grade levels',
    noun: 'grade level',
    schemas: {
      item: GradeLevelSchema,
      query: GradeLevelListQuery,
      create: CreateGradeLevelBody,
      update: UpdateGradeLevelBody,
    },
    list: listGradeLevels,
    get: getGradeLevel,
    create: createGradeLevel,
    update: updateGradeLevel,
    remove: deleteGradeLevel,
  });

  registerResource(app, {
    path: '/api/sections',
    tag: 'sections',
    noun: 'section',
    schemas: {
      item: SectionSchema,
      query: SectionListQuery,
      create: CreateSectionBody,
      update: UpdateSectionBody,
    },
    list: listSections,
    get: getSection,
    create: createSection,
    update: updateSection,
    remove: deleteSection,
  });

  registerResource(app, {
    path: '/api/subjects',
    tag: 'subjects',
    noun: 'subject',
    schemas: {
      item: SubjectSchema,
      query: SubjectListQuery,
      create: CreateSubjectBody,
      update: UpdateSubjectBody,
    },
    list: listSubjects,
    get: getSubject,
    create: createSubject,
    update: updateSubject,
    remove: deleteSubject,
  });

  registerResource(app, {
    path: '/api/rooms',
    tag: 'rooms',
    noun: 'room',
    schemas: {
      item: RoomSchema,
      query: RoomListQuery,
      create: CreateRoomBody,
      update: UpdateRoomBody,
    },
    list: listRooms,
    get: getRoom,
    create: createRoom,
    update: updateRoom,
    remove: deleteRoom,
  });

  registerResource(app, {
    path: '/api/classes',
    tag: 'classes',
    noun: 'class',
    schemas: {
      item: ClassSchema,
      query: ClassListQuery,
      create: CreateClassBody,
      update: UpdateClassBody,
    },
    list: listClasses,
    get: getClass,
    create: createClass,
    update: updateClass,
    remove: deleteClass,
  });
}
