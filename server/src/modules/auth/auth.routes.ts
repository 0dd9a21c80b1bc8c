import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import {
  LoginSchema,
  PasswordChangedSchema,
  PasswordChangeSchema,
  SessionInfoSchema,
  SwitchOrgSchema,
} from '#shared/schemas/auth.js';
import { OkSchema } from '#shared/schemas/common.js';
import { AppError } from '../../lib/app-error.js';
import { ctxOf, SESSION_COOKIE } from '../../plugins/auth.js';
import type { AuthService } from './auth.service.js';
import { ThrottledError } from './login-throttle.js';
import type { PasswordChangeService } from './password-change.service.js';

interface Opts {
  auth: AuthService;
  passwords: PasswordChangeService;
}

/**
 * Answers that carry the CSRF token are never compressed: a compressed secret next to text an attacker can
 * reflect (a name, an organisation) leaks through the compressed length (BREACH).
 */
const carriesCsrfToken = { compress: false } as const;

/** Runs `fn`; a throttled attempt's 429 carries `Retry-After`, as the request rate limit's does. */
const withRetryAfter = async <T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ThrottledError) reply.header('retry-after', String(err.retryAfterSeconds));
    throw err;
  }
};

const setSessionCookie = (req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string) =>
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over HTTPS (directly, or via a trusted proxy with TRUST_PROXY).
    secure: req.protocol === 'https',
    path: '/',
    expires: new Date(expiresAt),
  });

export const authRoutes = async (app: FastifyInstance, opts: Opts) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Sign in with e-mail and password',
        body: LoginSchema,
        // Wrong e-mail or password: documented here, since the route is public (no 401 by default).
        response: { 200: SessionInfoSchema, 401: ErrorBodySchema },
      },
      // Failed attempts are throttled in the auth service (per address and e-mail, and per address), on top
      // of the request rate limit every route has.
      config: { public: true },
      ...carriesCsrfToken,
    },
    async (req, reply) => {
      const { token, info } = await withRetryAfter(reply, () => opts.auth.login(req.body, req.ip));
      setSessionCookie(req, reply, token, info.expiresAt);
      return info;
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        summary: 'End this session',
        response: { 200: OkSchema },
      },
    },
    async (req, reply) => {
      await opts.auth.logout(ctxOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, organisation, role and CSRF token',
        response: { 200: SessionInfoSchema },
      },
      ...carriesCsrfToken,
    },
    async (req) => {
      const ctx = ctxOf(req);
      if (!req.sessionToken) {
        throw new AppError(
          'forbidden',
          `/api/me describes a browser session; this API key acts for organisation ${ctx.orgId}`,
        );
      }
      return opts.auth.me(req.sessionToken);
    },
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        tags: ['auth'],
        operationId: 'changeOwnPassword',
        summary: 'Change your own password (ends your other sessions)',
        body: PasswordChangeSchema,
        response: { 200: PasswordChangedSchema },
      },
    },
    async (req, reply) =>
      withRetryAfter(reply, () => opts.passwords.change(ctxOf(req), req.sessionToken, req.body, req.ip)),
  );

  r.post(
    '/api/auth/switch-org',
    {
      schema: {
        tags: ['auth'],
        operationId: 'switchOrganisation',
        summary: 'Work in another organisation you belong to',
        body: SwitchOrgSchema,
        response: { 200: SessionInfoSchema },
      },
      ...carriesCsrfToken,
    },
    async (req) => opts.auth.switchOrg(ctxOf(req), req.sessionToken ?? '', req.body.orgId),
  );
};
