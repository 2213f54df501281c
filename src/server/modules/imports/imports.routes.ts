import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  IMPORT_MAX_BYTES,
  ImportKindParams,
  ImportResultSchema,
  type ImportKind,
} from '../../../shared/contracts/imports.js';
import { tenantCtx } from '../../platform/auth/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { commitImport, exportRecords, previewImport } from './imports.service.js';

const config = {
  hostKinds: ['tenant' as const, 'custom' as const],
  access: { permission: 'imports:manage' as const },
};

const csvBody = (body: unknown): Buffer | undefined => (Buffer.isBuffer(body) ? body : undefined);

// An encapsulated plugin: the CSV parser and its 2 MiB limit apply to these routes only, and
// these routes take nothing but CSV. The global JSON parser and body limit stay as they are.
async function importRoutes(app: FastifyInstance): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'text/csv',
    // Bytes, not a string: only the raw bytes show whether the file is really UTF-8.
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MiB, the most one import ` +
          'takes. Split it into smaller files.',
        [{ field: 'body', code: 'max', message: `at most ${IMPORT_MAX_BYTES} bytes` }],
      );
    }
    // Everything else goes to the application's error handler.
    throw error;
  });

  app.post<{ Params: { kind: ImportKind } }>(
    '/api/imports/:kind/preview',
    {
      config,
      schema: {
        tags: ['imports'],
        summary: 'Check a CSV file (text/csv, at most 2 MiB and 10,000 rows) without writing',
        params: ImportKindParams,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) =>
      previewImport(tenantCtx(request), request.params.kind, csvBody(request.body)),
  );

  app.post<{ Params: { kind: ImportKind } }>(
    '/api/imports/:kind/commit',
    {
      config,
      schema: {
        tags: ['imports'],
        summary: 'Import a CSV file: every row in one transaction, or nothing (422 with errors)',
        params: ImportKindParams,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => commitImport(tenantCtx(request), request.params.kind, csvBody(request.body)),
  );

  app.get<{ Params: { kind: ImportKind } }>(
    '/api/imports/:kind/export',
    {
      config,
      schema: {
        tags: ['imports'],
        summary: "Download the school's records as CSV, in the columns the importer reads",
        params: ImportKindParams,
        response: {
          200: Type.String({ description: 'CSV, UTF-8 with a byte order mark, CRLF line ends' }),
        },
      },
    },
    async (request, reply) => {
      const file = await exportRecords(tenantCtx(request), request.params.kind);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}

export function registerImportRoutes(app: FastifyInstance): void {
  void app.register(importRoutes);
}
