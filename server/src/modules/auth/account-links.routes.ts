import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import {
  AccountLinkInfoSchema,
  AccountLinkInspectSchema,
  AccountLinkIssuedSchema,
  AccountLinkPasswordSchema,
  AccountLinkPasswordSetSchema,
  PasswordResetRequestedSchema,
  PasswordResetRequestSchema,
} from '#shared/schemas/account-links.js';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import type { AccountLinks } from './account-links.service.js';

/** Links are guessed at 2^-256 odds; the limit is there so nobody can try, and so the mail stays civil. */
const PUBLIC_LIMIT = { max: 20, timeWindow: 15 * 60_000 };

export const accountLinksRoutes = async (app: FastifyInstance, { links }: { links: AccountLinks }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/account-links/inspect',
    {
      schema: {
        tags: ['account-links'],
        operationId: 'inspectAccountLink',
        summary:
          'What a password link opens: its kind and state and, while it is live, whose account (no sign-in)',
        body: AccountLinkInspectSchema,
        response: { 200: AccountLinkInfoSchema, 404: ErrorBodySchema },
      },
      config: { public: true, rateLimit: PUBLIC_LIMIT },
    },
    async (req) => links.inspect(req.body.token),
  );

  r.post(
    '/api/account-links/password',
    {
      schema: {
        tags: ['account-links'],
        operationId: 'setPasswordByLink',
        summary:
          'Spend an invitation or reset link: set the password and end the account’s sessions (no sign-in)',
        body: AccountLinkPasswordSchema,
        response: { 200: AccountLinkPasswordSetSchema, 404: ErrorBodySchema, 410: ErrorBodySchema },
      },
      config: { public: true, rateLimit: PUBLIC_LIMIT },
    },
    async (req) => links.setPassword(req.body),
  );

  r.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags: ['auth'],
        operationId: 'requestPasswordReset',
        summary:
          'Ask for a link to choose a new password; answers the same whether or not the address has an account',
        body: PasswordResetRequestSchema,
        response: { 202: PasswordResetRequestedSchema },
      },
      config: { public: true, rateLimit: { max: 5, timeWindow: 15 * 60_000 } },
    },
    async (req, reply) => reply.status(202).send(await links.requestReset(req.body.email)),
  );

  r.post(
    '/api/users/:id/password-link',
    {
      schema: {
        tags: ['users'],
        operationId: 'issuePasswordLink',
        summary:
          'Send a member a single-use link to set their password (admins): an invitation until they first sign in, then a reset; without a mailer the link is returned once',
        params: IdParamsSchema,
        response: { 201: AccountLinkIssuedSchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) => reply.status(201).send(await links.issueForMember(ctxOf(req), req.params.id)),
  );
};
