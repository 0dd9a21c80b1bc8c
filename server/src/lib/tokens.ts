import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the OS CSPRNG, URL-safe. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** What we store in place of a secret (session token, API key, supplier link). */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * The CSRF token is derived from the session token, so it needs no storage and dies with the session.
 * Only the browser holding the HttpOnly cookie learns it, through /api/me or login.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update('clearsource-csrf-v1').digest('base64url');

export const safeEqual = (a: string, b: string): boolean => {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
};
