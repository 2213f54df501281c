// The one way the web app talks to the server: same-origin `/api`, JSON in and out, and every
// failure turned into an ApiError carrying the server's stable code.

export interface ApiErrorDetail {
  field: string;
  code: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: ApiErrorDetail[];
  retryAfter?: number | null;
}

/** Codes the client produces itself, when no server answer could be read. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  /** Seconds to wait before retrying, from `Retry-After`; null when the server gave none. */
  readonly retryAfter: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasErrorCode(error: unknown, ...codes: string[]): error is ApiError {
  return isApiError(error) && codes.includes(error.code);
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  // Only the HTTP date forms ("Sun, 06 Nov 1994 08:49:37 GMT"), not whatever Date.parse accepts.
  if (!/^[A-Za-z]+,/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export function toApiError(
  status: number,
  body: unknown,
  retryAfterHeader: string | null = null,
  now = Date.now(),
): ApiError {
  const retryAfter = parseRetryAfter(retryAfterHeader, now);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error || typeof error.code !== 'string' || error.code === '') {
    return new ApiError({
      status,
      code: UNEXPECTED_RESPONSE,
      message: `The server answered ${status} without an error body.`,
      retryAfter,
    });
  }
  return new ApiError({
    status,
    code: error.code,
    message: typeof error.message === 'string' ? error.message : '',
    details: Array.isArray(error.details) ? error.details.flatMap(toDetail) : [],
    retryAfter,
  });
}

function toDetail(value: unknown): ApiErrorDetail[] {
  if (!isRecord(value) || typeof value.message !== 'string') return [];
  return [
    {
      field: typeof value.field === 'string' ? value.field : '',
      code: typeof value.code === 'string' ? value.code : '',
      message: value.message,
    },
  ];
}

export type QueryValue = string | number | boolean | null | undefined;

/** Empty, null and undefined values are left out, so an unset filter sends nothing. */
export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON body; when undefined, neither a body nor a content type is sent. */
  body?: unknown;
  /** A raw text body with its own content type (a CSV file), sent instead of a JSON one. */
  text?: { contentType: string; content: string };
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, text, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  } else if (text !== undefined) {
    headers['content-type'] = text.contentType;
    init.body = text.content;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), init);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({
      status: 0,
      code: NETWORK_ERROR,
      message: 'The server could not be reached.',
    });
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload, response.headers.get('retry-after'));
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  postText: <T>(path: string, contentType: string, content: string) =>
    apiRequest<T>(path, { method: 'POST', text: { contentType, content } }),
  /** A DELETE may carry a JSON body, e.g. the reason an operator gives for a removal. */
  delete: <T = void>(path: string, body?: unknown) =>
    apiRequest<T>(path, { method: 'DELETE', body }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One page of a keyset-paginated list: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
