import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { IfMatchHeadersSchema } from '#shared/schemas/revision.js';
import {
  UserCreatedSchema,
  UserCreateSchema,
  UserPageSchema,
  UserSchema,
  UsersQuerySchema,
  UserUpdateSchema,
} from '#shared/schemas/users.js';
import { expectedRevision } from '../../lib/revision.js';
import { ctxOf } from '../../plugins/auth.js';
import type { UsersService } from './users.service.js';

export const usersRoutes = async (app: FastifyInstance, { users }: { users: UsersService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Members of this organisation',
        querystring: UsersQuerySchema,
        response: { 200: UserPageSchema },
      },
    },
    async (req) => users.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user (admins)',
        body: UserCreateSchema,
        response: { 201: UserCreatedSchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) => reply.status(201).send(await users.create(ctxOf(req), req.body)),
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary:
          "Change a member's role or status (admins); If-Match or `revision` refuses a stale change (409)",
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UserUpdateSchema,
        response: { 200: UserSchema },
      },
      config: { role: 'admin' },
    },
    async (req) =>
      users.update(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );
};
