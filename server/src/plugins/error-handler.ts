import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ErrorIssue } from '#shared/errors.js';
import { ERROR_STATUS } from '#shared/errors.js';
import { AppError } from '../lib/app-error.js';
import { isDatabaseUnavailable } from '../lib/pg-errors.js';
import { setCommonHeaders } from './headers.js';

/** Seconds a client should wait before retrying while the database is unreachable (a restart takes ~2 s). */
export const RETRY_AFTER_SECONDS = 5;
/** Longest piece of a URL echoed back in a message: a 5,000-character path should not come back whole. */
const URL_SHOWN = 200;

const clipUrl = (url: string) => {
  const path = url.split('?')[0] ?? '';
  return path.length > URL_SHOWN ? `${path.slice(0, URL_SHOWN)}…` : path;
};

const send = (
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  message: string,
  issues?: ErrorIssue[],
  current?: ErrorBody['error']['current'],
) => {
  const body: ErrorBody = {
    error: {
      code,
      message,
      requestId: req.id,
      ...(issues?.length ? { issues } : {}),
      ...(current ? { current } : {}),
    },
  };
  return reply.status(ERROR_STATUS[code]).type('application/json').send(body);
};

const WHERE: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Fastify's own 4xx errors (bad JSON, too large, wrong content type) mapped to our codes and plain words. */
const frameworkError = (err: FastifyError): { code: ErrorCode; message: string } | undefined => {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { code: 'payload_too_large', message: 'The request is larger than allowed' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'bad_request', message: 'Unsupported content type: send application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'bad_request', message: 'The request body is empty: send a JSON object' };
  }
  if (err.statusCode === 400 && err instanceof SyntaxError) {
    return { code: 'bad_request', message: 'The request body is not valid JSON' };
  }
  if (err.statusCode === 413)
    return { code: 'payload_too_large', message: 'The request is larger than allowed' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { code: err.statusCode === 429 ? 'rate_limited' : 'bad_request', message: err.message };
  }
  return undefined;
};

/** One error body for the whole API: `{ error: { code, message, requestId, issues? } }`. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, req, err.code, err.message, err.issues, err.current);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = WHERE[err.validationContext ?? 'body'] ?? 'body';
      const issues = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
        message: v.message ?? 'Invalid value',
      }));
      const fields = [...new Set(issues.map((i) => i.path))].join(', ');
      return send(reply, req, 'validation_failed', `Check the ${where}: ${fields}`, issues);
    }
    const mapped = frameworkError(err);
    if (mapped) return send(reply, req, mapped.code, mapped.message);
    if (isDatabaseUnavailable(err)) {
      // A restart or failover: nothing is wrong with the request, so say when to retry rather than 500.
      req.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(
        reply,
        req,
        'unavailable',
        'The database cannot be reached right now: try again in a few seconds',
      );
    }
    // Unknown: log everything for us, tell the client nothing about drivers or SQL.
    req.log.error({ err }, 'unhandled error');
    return send(reply, req, 'internal', 'Something went wrong on our side. Quote the request id to support.');
  });

  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 'not_found', `No endpoint ${req.method} ${clipUrl(req.url)}`),
  );
});

/**
 * Errors Fastify's router raises before any hook or error handler runs (a path parameter longer than
 * maxParamLength, a malformed percent-encoding): given to Fastify's `frameworkErrors` option, so that they
 * too answer the one error body, with the request id and the common headers.
 */
export const frameworkErrors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  setCommonHeaders(req, reply);
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(reply, req, 'uri_too_long', `The URL is too long for any endpoint: ${clipUrl(req.url)}`);
  }
  if (err.code === 'FST_ERR_BAD_URL') {
    return send(
      reply,
      req,
      'bad_request',
      `The URL is not valid (a broken %-encoding?): ${clipUrl(req.url)}`,
    );
  }
  req.log.error({ err }, 'router error');
  return send(reply, req, 'internal', 'Something went wrong on our side. Quote the request id to support.');
};
