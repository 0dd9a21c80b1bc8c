import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_STATUS, ErrorBodySchema } from '#shared/errors.js';
import { authRequired, SAFE_METHODS } from './auth.js';

/**
 * The part of the OpenAPI document decided route by route, for every route, including routes this file has
 * never seen: who may call it (`security`) and which standard errors it can answer. A route states only what
 * differs: an explicit `operationId`, or an error response of its own (its status then wins over ours).
 */

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Why each standard status is answered; the codes that carry it are listed from ERROR_STATUS after it. */
const WHY: Record<number, string> = {
  400: 'The input is invalid; `issues` names each field at fault',
  401: 'Not signed in: no session or API key, an ended session or a revoked key',
  403: 'The role does not allow this, or a cookie request lacks the `x-csrf-token` header',
  404: 'No such record in this organisation (records of other organisations answer this too)',
  409: 'Conflicts with the current data: a duplicate, or a change made from a stale version',
  413: 'The body or the upload is larger than allowed',
  414: 'A path parameter is longer than any record id',
  422: 'Well-formed, but a rule of the domain refuses it',
  429: 'Too many requests: retry after the time given',
  500: 'Failed on our side: quote the `requestId` to support',
  503: 'A dependency (the database) is unavailable: retry later',
};

const SUCCESS: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

const codesFor = (status: number) =>
  Object.entries(ERROR_STATUS)
    .filter(([, s]) => s === status)
    .map(([code]) => `\`${code}\``);

interface RouteFacts {
  methods: string[];
  url: string;
  authenticated: boolean;
  /** The route reads input that can be invalid (body, query, path, headers or an upload). */
  hasInput: boolean;
  /** The input names or carries data (a body, an upload or a path parameter), which can conflict or be refused. */
  hasData: boolean;
}

/** Which standard errors a route can answer. Only statuses that an error code maps to are ever listed. */
export const errorStatusesOf = (r: RouteFacts): number[] => {
  const mutates = r.methods.some((m) => !SAFE_METHODS.has(m));
  const takesBody = r.methods.some((m) => BODY_METHODS.has(m));
  const wanted: [number, boolean][] = [
    [400, r.hasInput || takesBody],
    [401, r.authenticated],
    [403, r.authenticated],
    [404, /[:{]/.test(r.url)],
    [409, r.authenticated && mutates && r.hasData],
    [413, takesBody],
    [414, /[:{]/.test(r.url)],
    [422, r.authenticated && mutates && r.hasData],
    [429, true], // the global rate limit covers every route
    [500, true],
    [503, true],
  ];
  return wanted.filter(([status, applies]) => applies && codesFor(status).length > 0).map(([s]) => s);
};

const describe = (status: number) => {
  const codes = codesFor(status);
  return `${WHY[status] ?? 'Error'}${codes.length ? ` (${codes.join(', ')})` : ''}`;
};

const jsonResponse = (status: number, schema: z.ZodType) => ({
  description: describe(status),
  content: { 'application/json': { schema } },
});

const isZod = (v: unknown): v is z.ZodType => v instanceof z.ZodType;

/**
 * Security per operation: public routes need nothing; the others take a session cookie (plus the CSRF header
 * when they change state) or an API key.
 */
export const securityOf = (authenticated: boolean, methods: string[]): Record<string, string[]>[] => {
  if (!authenticated) return [];
  const mutates = methods.some((m) => !SAFE_METHODS.has(m));
  return [mutates ? { session: [], csrfToken: [] } : { session: [] }, { apiKey: [] }];
};

type Response = NonNullable<FastifySchema['response']>;

/** Adds security and the standard error responses to a route's schema (a copy: the route keeps its own). */
export const operationTransform: SwaggerTransform = (doc) => {
  const { route, url } = doc;
  const schema: FastifySchema = doc.schema ?? {};
  if (schema.hide) return jsonSchemaTransform(doc);
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
  const authenticated = authRequired(url, route.config);
  const hasData = Boolean(schema.body || schema.params || schema.consumes?.length || /[:{]/.test(url));
  const hasInput = hasData || Boolean(schema.querystring || schema.headers);

  const own = (schema.response ?? {}) as Record<string, unknown>;
  const response: Record<string, unknown> = { ...own };
  const types = schema.produces?.length ? schema.produces : ['application/json'];
  const success = (status: string, body: z.ZodType) => ({
    description: body.description ?? SUCCESS[status] ?? 'Success',
    content: Object.fromEntries(types.map((t) => [t, { schema: body }])),
  });
  // A success schema gets words ("Created") instead of swagger's "Default Response"; without one, the route
  // still documents a 200 (swagger would drop it once error responses are added).
  for (const [status, mine] of Object.entries(own)) {
    if (status.startsWith('2') && status !== '204' && isZod(mine)) response[status] = success(status, mine);
  }
  if (!Object.keys(own).some((s) => s.startsWith('2'))) {
    response[200] = {
      description: 'Success',
      content: Object.fromEntries(
        types.map((t) => [t, { schema: t.includes('json') ? z.unknown() : z.string() }]),
      ),
    };
  }
  for (const status of errorStatusesOf({ methods, url, authenticated, hasInput, hasData })) {
    if (!(status in own)) response[status] = jsonResponse(status, ErrorBodySchema);
  }
  // A route's own error schema (an error it declares, or a body of its own) keeps its shape, with our words.
  for (const [status, mine] of Object.entries(own)) {
    if (Number(status) >= 400 && isZod(mine)) response[status] = jsonResponse(Number(status), mine);
  }

  return jsonSchemaTransform({
    ...doc,
    schema: {
      ...schema,
      security: schema.security ?? securityOf(authenticated, methods),
      response: response as Response,
    },
  });
};
