import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '#shared/roles.js';
import { AppError, unauthenticated } from '../lib/app-error.js';
import { type RequestCtx, requireRole } from '../lib/context.js';
import { csrfTokenFor, safeEqual } from '../lib/tokens.js';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'cs_session';
/** Methods that change nothing: they need no CSRF token, and the API document lists no change errors for them. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth plugin on every non-public /api route. */
    ctx: RequestCtx | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Route needs no session or key (health, login, docs). */
    public?: boolean;
    /**
     * The least role the route needs (executives are read-only). Checked before the body is read or
     * validated, so a refused role learns nothing about the shape of a write it may not make. Services
     * check again (requireRole): this is the first wall, not the only one.
     */
    role?: Role;
  }
}

/** The caller's context on an authenticated route (the hook guarantees it is there). */
export const ctxOf = (req: FastifyRequest): RequestCtx => {
  if (!req.ctx) throw unauthenticated();
  return req.ctx;
};

/** Each request's caller lookup, from onRequest (where it starts) to preParsing (where it is awaited). */
const authenticating = new WeakMap<FastifyRequest, Promise<void>>();

/** Whether a route needs a session or an API key: every /api route unless it says it is public. */
export const authRequired = (url: string, config?: { public?: boolean }) =>
  url.startsWith('/api/') && !config?.public;

const bearerOf = (req: FastifyRequest): string | undefined => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

/**
 * Resolves the caller from `Authorization: Bearer <api key>` or the session cookie, and enforces CSRF on
 * state-changing cookie requests (the header must carry the token derived from the session).
 * API-key requests carry no ambient credential, so they need no CSRF token.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService }) => {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionToken', null);

  /** Resolves the caller into `req.ctx`, or throws the 401 (or the 403 of a missing CSRF token). */
  const authenticate = async (req: FastifyRequest) => {
    const key = bearerOf(req);
    if (key) {
      const row = await opts.auth.resolveApiKey(key);
      if (!row) throw new AppError('unauthenticated', 'This API key is not valid or has been revoked');
      req.ctx = {
        orgId: row.orgId,
        userId: null,
        role: row.role,
        actor: { type: 'api_key', id: row.id, label: row.name },
        via: 'api_key',
      };
      return;
    }

    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const s = await opts.auth.resolveSession(token);
    if (!s) throw new AppError('unauthenticated', 'Your session has ended: sign in again');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(token))) {
        throw new AppError(
          'csrf_failed',
          'Missing or invalid x-csrf-token header: reload the page and try again',
        );
      }
    }
    req.sessionToken = token;
    req.ctx = {
      orgId: s.orgId,
      userId: s.user.id,
      role: s.role,
      actor: { type: 'user', id: s.user.id, label: s.user.email },
      via: 'session',
      sessionId: s.sessionId,
    };
  };

  // The lookup starts here but is awaited in preParsing. The rate limiter's check is a route-level onRequest
  // hook, which runs after this application-level one: awaited here, a bad session or key would answer 401
  // before the limiter counted it, and a guesser of tokens would never be slowed. Started here, it still runs
  // while the limiter counts (no added latency); a request over the limit answers 429 whatever it carries.
  app.addHook('onRequest', async (req) => {
    if (!authRequired(req.url, req.routeOptions.config)) return;
    if (req.is404) return;
    const pending = authenticate(req);
    // Never awaited when the limiter answers first: its failure must not count as unhandled.
    pending.catch(() => {});
    authenticating.set(req, pending);
  });

  // After every onRequest hook (headers, the rate limit) and before the body is parsed: the caller is known
  // here, and an executive's write is refused whatever its body (missing, malformed or huge).
  app.addHook('preParsing', async (req) => {
    const pending = authenticating.get(req);
    if (pending) await pending;
    const needed = req.routeOptions.config?.role;
    if (needed) requireRole(ctxOf(req), needed);
  });
});
