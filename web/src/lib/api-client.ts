import type { z } from 'zod';
import type { ErrorCode, ErrorIssue } from '#shared/errors.js';
import { redactSecretPaths } from '#shared/redact-url.js';
import { etagOf } from '#shared/schemas/revision.js';

/** Codes the server sends, plus the one the client raises when the server cannot be reached at all. */
export type ApiErrorCode = ErrorCode | 'network_error';

/** Every failed call ends up here, so screens handle one shape of error. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly issues: ErrorIssue[];
  readonly requestId: string | undefined;
  /** A stale update's 409: the record as it is now (unchecked; see lib/edit-conflict.ts). */
  readonly current: unknown;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    issues?: ErrorIssue[];
    requestId?: string;
    current?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
    this.current = init.current;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// The CSRF token lives in the TanStack Query cache (the `me` query); the app registers a getter that reads
// it from there, so the client never keeps its own copy that could go stale after switching organisation.
let readCsrfToken: () => string | undefined = () => undefined;

export const setCsrfTokenSource = (getter: () => string | undefined): void => {
  readCsrfToken = getter;
};

/** The current token, for requests made outside apiRequest (file uploads with progress). */
export const currentCsrfToken = (): string | undefined => readCsrfToken();

export type QueryValue = string | number | boolean | null | undefined;

export const toQueryString = (query: Record<string, QueryValue> | undefined): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Sign in again.',
  403: 'You do not have permission to do this.',
  404: 'This record does not exist or is not part of your organisation.',
  413: 'The upload is larger than allowed.',
  429: 'Too many attempts. Wait a moment and try again.',
  503: 'The service is briefly unavailable. Try again in a few seconds.',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

const isErrorBody = (
  value: unknown,
): value is {
  error: { code: ErrorCode; message: string; requestId?: string; issues?: ErrorIssue[]; current?: unknown };
} => {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
};

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const toApiError = async (response: Response): Promise<ApiError> => {
  const body = await readJson(response);
  if (isErrorBody(body)) {
    const { code, message, requestId, issues, current } = body.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      requestId,
      issues: Array.isArray(issues) ? issues : [],
      current,
    });
  }
  // A proxy or crash page answered instead of the API: still give the screen something it can show.
  return new ApiError({
    status: response.status,
    code: STATUS_CODES[response.status] ?? 'internal',
    message: STATUS_MESSAGES[response.status] ?? 'Something went wrong on our side. Try again in a moment.',
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions<S extends z.ZodType> {
  method?: Method;
  /** Response schema from shared/: the answer is parsed, so a contract drift fails loudly, not silently. */
  schema: S;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** The revision an update was made from, sent as If-Match: a stale one answers 409 (lib/edit-conflict.ts). */
  ifMatch?: number;
}

export async function apiRequest<S extends z.ZodType>(
  path: string,
  options: RequestOptions<S>,
): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only send a JSON content type with a body: Fastify rejects an empty body declared as JSON.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = etagOf(options.ifMatch);
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Could not reach Clearsource. Check your connection and try again.',
    });
  }

  if (!response.ok) throw await toApiError(response);

  return parseResponse(options.schema, await readJson(response), {
    label: `${method} ${path}`,
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

/** Checks a successful answer against its schema from shared/; a mismatch becomes an ApiError. */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  context: { label: string; status: number; requestId: string | undefined },
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // The label is a URL: a supplier's link in it must not reach the console (or whatever collects it).
    console.error(`Unexpected response from ${redactSecretPaths(context.label)}`, parsed.error.issues);
    throw new ApiError({
      status: context.status,
      code: 'internal',
      message:
        'The server answered in an unexpected format. Reload the page; if it persists, contact support.',
      requestId: context.requestId,
    });
  }
  return parsed.data;
}
