import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { RETRY_AFTER_SECONDS } from '../src/plugins/error-handler.js';

/** The answer to a request while the database cannot be reached: 503, Retry-After and the standard error body. */
export const expectUnavailable = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
  expect(res.json()).toEqual({
    error: {
      code: 'unavailable',
      message: 'The database cannot be reached right now: try again in a few seconds',
      requestId: res.headers['x-request-id'],
    },
  });
};
