import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import { LoginSchema, SessionInfoSchema, SwitchOrgSchema } from '#shared/schemas/auth.js';
import { OkSchema } from '#shared/schemas/common.js';
import { AppError } from '../../lib/app-error.js';
import { ctxOf, SESSION_COOKIE } from '../../plugins/auth.js';
import type { AuthService } from './auth.service.js';

interface Opts {
  auth: AuthService;
  loginMaxAttempts: number;
  loginWindowSeconds: number;
}

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
      config: {
        public: true,
        // Counted per client address and e-mail after the body is parsed, so one attacker cannot lock
        // out everyone and one account cannot be guessed at from one address.
        rateLimit: {
          max: opts.loginMaxAttempts,
          timeWindow: opts.loginWindowSeconds * 1000,
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) =>
            `login|${req.ip}|${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (req, reply) => {
      const { token, info } = await opts.auth.login(req.body);
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
    '/api/auth/switch-org',
    {
      schema: {
        tags: ['auth'],
        operationId: 'switchOrganisation',
        summary: 'Work in another organisation you belong to',
        body: SwitchOrgSchema,
        response: { 200: SessionInfoSchema },
      },
    },
    async (req) => opts.auth.switchOrg(ctxOf(req), req.sessionToken ?? '', req.body.orgId),
  );
};
