import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '#shared/schemas/common.js';
import {
  PublishApprovalSettingSchema,
  PublishApprovalSettingUpdateSchema,
  PublishApprovedSchema,
  PublishApproveSchema,
  PublishRejectSchema,
  PublishRequestCreateSchema,
  PublishRequestListSchema,
  PublishRequestSchema,
  PublishRequestsQuerySchema,
  PublishWithdrawSchema,
} from '#shared/schemas/publish-requests.js';
import { ctxOf } from '../../plugins/auth.js';
import type { PublishRequestsService } from './publish-requests.service.js';

export const publishRequestsRoutes = async (
  app: FastifyInstance,
  { publishRequests }: { publishRequests: PublishRequestsService },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['publish-requests'];

  r.get(
    '/api/publish-requests',
    {
      schema: {
        tags,
        summary: 'Requests to publish a draft policy, newest first (filter by policy and status)',
        querystring: PublishRequestsQuerySchema,
        response: { 200: PublishRequestListSchema },
      },
    },
    async (req) => ({ items: await publishRequests.list(ctxOf(req), req.query) }),
  );

  r.post(
    '/api/policies/:id/publish-requests',
    {
      schema: {
        tags,
        summary:
          "Ask for a draft to be published, pinned at the revision reviewed (admins, when a second admin's approval is required); the draft is frozen until it is decided",
        params: IdParamsSchema,
        body: PublishRequestCreateSchema,
        response: { 201: PublishRequestSchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) =>
      reply.status(201).send(await publishRequests.create(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/publish-requests/:id/approve',
    {
      schema: {
        tags,
        summary:
          'Approve a request (another admin than the requester): the draft is published and the portfolio rescored',
        params: IdParamsSchema,
        body: PublishApproveSchema,
        response: { 200: PublishApprovedSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => publishRequests.approve(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/publish-requests/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a request with a comment (another admin than the requester)',
        params: IdParamsSchema,
        body: PublishRejectSchema,
        response: { 200: PublishRequestSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => publishRequests.reject(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/publish-requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw your own pending request (the draft can be edited again)',
        params: IdParamsSchema,
        body: PublishWithdrawSchema,
        response: { 200: PublishRequestSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => publishRequests.withdraw(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/publish-approval',
    {
      schema: {
        tags,
        summary: "Whether publishing a policy needs a second administrator's approval, and why",
        response: { 200: PublishApprovalSettingSchema },
      },
    },
    async (req) => publishRequests.getSetting(ctxOf(req)),
  );

  r.put(
    '/api/publish-approval',
    {
      schema: {
        tags,
        summary:
          "Require (or not) a second administrator's approval to publish; null returns to the default (on with two or more admins)",
        body: PublishApprovalSettingUpdateSchema,
        response: { 200: PublishApprovalSettingSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => publishRequests.setSetting(ctxOf(req), req.body),
  );
};
