import { z } from 'zod';

/**
 * Error codes shared by the API and the dashboard. The HTTP status travels with the code so that every
 * layer answers the same status for the same failure.
 */
export const ERROR_STATUS = {
  /** The request body, query or params failed validation; `issues` names each field at fault. */
  validation_failed: 400,
  /** The body was not valid JSON, or a multipart/CSV body could not be read. */
  bad_request: 400,
  /** No session, an expired session, or a revoked API key. */
  unauthenticated: 401,
  /** Wrong email or password (one message for both, so accounts cannot be discovered). */
  invalid_credentials: 401,
  /** Authenticated, but the role does not allow this action. */
  forbidden: 403,
  /** A state-changing request made with the session cookie lacked a valid x-csrf-token header. */
  csrf_failed: 403,
  /** No such record in this organisation (records of other organisations answer this too). */
  not_found: 404,
  /**
   * The change conflicts with existing data (duplicate email, last admin, …), or was made from a revision of
   * the record that is no longer current (If-Match): then the error carries `current`.
   */
  conflict: 409,
  /** A secret link that was real but can no longer be used: expired, revoked, or already spent. */
  gone: 410,
  /** The body or an uploaded file is larger than allowed. */
  payload_too_large: 413,
  /** The URL (e.g. a path segment of thousands of characters) is longer than any endpoint accepts. */
  uri_too_long: 414,
  /** The file is not of the type the endpoint takes (e.g. not a PDF where only a PDF can be checked). */
  unsupported_media_type: 415,
  /** Well-formed, but the rules of the domain refuse it (e.g. editing a published policy). */
  unprocessable: 422,
  /** The record exists but is not ready for this yet (a report still being generated, or one that failed). */
  not_ready: 409,
  /** Too many attempts; retry later. */
  rate_limited: 429,
  /** Something failed on our side; the requestId lets support find the log line. */
  internal: 500,
  /** The database cannot be reached right now (restart, failover): retry after the `Retry-After` seconds. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field at fault: `path` is dotted (`contacts.0.email`), or `body`/`query`/`path` for the whole part. */
export const ErrorIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

/**
 * The one error body every endpoint answers with, from any layer. Registered under the id `ErrorBody`, so the
 * OpenAPI document has it once, as a component that every error response refers to.
 */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      /** The request's id: support finds the log line with it. */
      requestId: z.string(),
      issues: z.array(ErrorIssueSchema).optional(),
      /**
       * A stale update (409 `conflict`): the record as it is now, in the resource's own shape, with its
       * `revision`, so the client can show what changed and re-apply its edits on top.
       */
      current: z
        .looseObject({ revision: z.number().int() })
        .optional()
        .meta({ description: 'On a stale update (409): the record as it is now, with its revision' }),
    }),
  })
  .meta({ id: 'ErrorBody', description: 'The error body of every endpoint' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
