import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, OkSchema } from '#shared/schemas/common.js';
import { PolicyCreateSchema, PolicySchema, PolicyUpdateSchema } from '#shared/schemas/policy.js';
import { IfMatchHeadersSchema } from '#shared/schemas/revision.js';
import { PublishResultSchema, WhatIfSchema } from '#shared/schemas/what-if.js';
import { expectedRevision } from '../../lib/revision.js';
import { ctxOf } from '../../plugins/auth.js';
import type { PoliciesService } from './policies.service.js';

export const policiesRoutes = async (app: FastifyInstance, { policies }: { policies: PoliciesService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];

  r.get(
    '/api/policies',
    {
      schema: {
        tags,
        summary: 'Scoring policies: the published one, drafts and retired versions',
        response: { 200: z.object({ items: z.array(PolicySchema) }) },
      },
    },
    async (req) => ({ items: await policies.list(ctxOf(req)) }),
  );

  r.post(
    '/api/policies',
    {
      schema: {
        tags,
        summary: 'Make a draft copy of a policy (admins)',
        body: PolicyCreateSchema,
        response: { 201: PolicySchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) => reply.status(201).send(await policies.createDraft(ctxOf(req), req.body)),
  );

  r.get(
    '/api/policies/:id',
    {
      schema: {
        tags,
        summary: 'One policy with its full document',
        params: IdParamsSchema,
        response: { 200: PolicySchema },
      },
    },
    async (req) => policies.get(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/policies/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a draft (admins); published versions are immutable. If-Match or `revision` refuses a stale edit (409)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: PolicyUpdateSchema,
        response: { 200: PolicySchema },
      },
      config: { role: 'admin' },
    },
    async (req) =>
      policies.update(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );

  r.delete(
    '/api/policies/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a draft that was never published (admins); published and retired versions are kept (422). If-Match refuses a stale delete (409)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: OkSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => {
      await policies.deleteDraft(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match']));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/policies/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish a draft as the next version and rescore the portfolio (admins); If-Match publishes only the revision reviewed',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: PublishResultSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => policies.publish(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match'])),
  );

  r.post(
    '/api/policies/:id/what-if',
    {
      schema: {
        tags,
        summary:
          'Score the portfolio under this policy next to the published one; writes nothing (officers, admins; one at a time per organisation)',
        params: IdParamsSchema,
        response: { 200: WhatIfSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => policies.whatIf(ctxOf(req), req.params.id),
  );
};
