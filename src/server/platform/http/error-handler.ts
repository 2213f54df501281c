import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BootData } from '../../../shared/boot.js';
import { isDatabaseUnavailable } from '../db/database.js';
import { AppError, type ErrorDetail } from '../errors/app-error.js';
import { renderPage, wantsHtml, type PageContext } from './pages.js';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function validationDetails(issues: ValidationIssue[], context: string | undefined): ErrorDetail[] {
  return issues.map((issue) => {
    const base = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const extra =
      typeof issue.params?.missingProperty === 'string'
        ? issue.params.missingProperty
        : typeof issue.params?.additionalProperty === 'string'
          ? issue.params.additionalProperty
          : '';
    const field = [context === 'body' ? '' : context, base, extra].filter(Boolean).join('.');
    const message =
      issue.keyword === 'additionalProperties'
        ? 'is not a known field'
        : (issue.message ?? 'is invalid');
    return { field: field || (context ?? 'body'), code: issue.keyword ?? 'invalid', message };
  });
}

/** Maps anything thrown to the one error shape; 5xx details never leave the server. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (Array.isArray(e.validation)) {
    return new AppError(
      'VALIDATION_FAILED',
      'The request is not valid.',
      validationDetails(e.validation, e.validationContext),
    );
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request content type is not supported.');
    default:
      break;
  }
  if (e.statusCode === 429)
    return new AppError('RATE_LIMITED', 'Too many requests. Slow down and retry later.');
  if (e instanceof SyntaxError && e.statusCode === 400) {
    return new AppError('MALFORMED_JSON', 'The request body is not valid JSON.');
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'SERVICE_UNAVAILABLE',
      'The service is temporarily unavailable.',
      undefined,
      {
        'retry-after': '5',
      },
    );
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code =
      e.statusCode === 404
        ? 'ROUTE_NOT_FOUND'
        : e.statusCode === 405
          ? 'METHOD_NOT_ALLOWED'
          : 'VALIDATION_FAILED';
    return new AppError(
      code,
      e.statusCode === 404 ? 'No such endpoint.' : 'The request is not valid.',
    );
  }
  return new AppError('INTERNAL_ERROR', 'Something went wrong on our side.');
}

const PAGE_FOR_CODE: Partial<Record<string, BootData>> = {
  SCHOOL_NOT_FOUND: { page: 'not-found' },
  TENANT_SUSPENDED: { page: 'suspended' },
  MAINTENANCE: { page: 'maintenance' },
};

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  appError: AppError,
  pages: PageContext,
): FastifyReply {
  reply.status(appError.status);
  for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
  const page = PAGE_FOR_CODE[appError.code];
  if (page && wantsHtml(request)) return reply.send(renderPage(request, reply, pages, page));
  return reply.type('application/json; charset=utf-8').send(appError.toBody());
}

export function registerErrorHandler(app: FastifyInstance, pages: PageContext): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error, code: appError.code }, 'request failed');
    } else if (!(error instanceof AppError)) {
      request.log.info(
        { code: appError.code, reason: (error as Error).message },
        'request refused',
      );
    }
    return sendError(request, reply, appError, pages);
  });
}
