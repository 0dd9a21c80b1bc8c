import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AssignmentPreviewQuerySchema, AssignmentPreviewSchema } from '#shared/schemas/assignment-review.js';
import {
  AnswerCoverageQuerySchema,
  AnswerCoverageSchema,
  AssignmentAcceptedSchema,
  AssignmentAcceptSchema,
  AssignmentAnswersSchema,
  AssignmentCreateSchema,
  AssignmentEvidenceParamsSchema,
  AssignmentIssuedSchema,
  AssignmentPageSchema,
  AssignmentReturnSchema,
  AssignmentSchema,
  AssignmentsCreatedSchema,
  AssignmentsQuerySchema,
} from '#shared/schemas/assignments.js';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { IfMatchHeadersSchema } from '#shared/schemas/revision.js';
import { expectedRevision } from '../../lib/revision.js';
import { ctxOf } from '../../plugins/auth.js';
import type { AssignmentsService } from './assignments.service.js';
import { sendEvidence } from './evidence.download.js';
import type { ReviewService } from './review.service.js';

const tags = ['assignments'];

export const assignmentsRoutes = async (
  app: FastifyInstance,
  { assignments, review }: { assignments: AssignmentsService; review: ReviewService },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/assignments',
    {
      schema: {
        tags,
        operationId: 'listAssignments',
        summary:
          'Questionnaires sent, newest first, with status and progress (filters: status, supplier, template, overdue)',
        querystring: AssignmentsQuerySchema,
        response: { 200: AssignmentPageSchema },
      },
    },
    async (req) => assignments.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/assignments',
    {
      schema: {
        tags,
        operationId: 'sendQuestionnaires',
        summary:
          'Send a published template version to one or many suppliers (officers): one secret link each, e-mailed to the supplier’s first contact; without a mailer or a contact e-mail the link is returned once as portalUrl. With `recurrence` it is sent again automatically once accepted (before its answers expire, or every N months)',
        body: AssignmentCreateSchema,
        response: { 201: AssignmentsCreatedSchema },
      },
      config: { role: 'officer' },
    },
    async (req, reply) => reply.status(201).send({ items: await assignments.create(ctxOf(req), req.body) }),
  );

  r.get(
    '/api/assignments/coverage',
    {
      schema: {
        tags,
        operationId: 'getAnswerCoverage',
        summary:
          'Answer coverage: the share of active suppliers whose accepted questionnaire answers have not expired, those expiring within expiringWithinDays, and those expired',
        querystring: AnswerCoverageQuerySchema,
        response: { 200: AnswerCoverageSchema },
      },
    },
    async (req) => assignments.coverage(ctxOf(req), req.query),
  );

  r.get(
    '/api/assignments/:id',
    {
      schema: {
        tags,
        operationId: 'getAssignment',
        summary: 'One questionnaire sent: status, progress, its link’s state (never the link)',
        params: IdParamsSchema,
        response: { 200: AssignmentSchema },
      },
    },
    async (req) => assignments.get(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/assignments/:id/revoke-link',
    {
      schema: {
        tags,
        operationId: 'revokeAssignmentLink',
        summary:
          'Stop every link of the questionnaire working at once, including those sent with reminders (officers); the answers are kept. The link of an accepted questionnaire (its answers and shared remediation tasks) can be revoked too, but not re-issued',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: AssignmentSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      assignments.revokeLink(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match'])),
  );

  r.post(
    '/api/assignments/:id/reissue-link',
    {
      schema: {
        tags,
        operationId: 'reissueAssignmentLink',
        summary:
          'Replace the supplier’s links with a new one (officers): all earlier links stop working; e-mailed, or returned once as portalUrl',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: AssignmentIssuedSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      assignments.reissueLink(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match'])),
  );

  r.post(
    '/api/assignments/:id/stop-recurrence',
    {
      schema: {
        tags,
        operationId: 'stopAssignmentRecurrence',
        summary:
          'Stop a recurring questionnaire being sent again (officers): the questionnaire itself is unchanged. 422 once it was already re-sent: stop the newest one instead',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: AssignmentSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      assignments.stopRecurrence(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match'])),
  );

  r.get(
    '/api/assignments/:id/answers',
    {
      schema: {
        tags,
        operationId: 'getAssignmentAnswers',
        summary:
          'The supplier’s answers for review: each value as it reads, whether it counts (hidden answers do not), the comments sent back, the findings',
        params: IdParamsSchema,
        response: { 200: AssignmentAnswersSchema },
      },
    },
    async (req) => review.answers(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/assignments/:id/return',
    {
      schema: {
        tags,
        operationId: 'returnAssignment',
        summary:
          'Return a submitted questionnaire to the supplier with a comment per question (officers); they change and resubmit it. 409 while the supplier’s link is revoked or expired: re-issue it first',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: AssignmentReturnSchema,
        response: { 200: AssignmentSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      review.returnToSupplier(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );

  r.post(
    '/api/assignments/:id/accept',
    {
      schema: {
        tags,
        operationId: 'acceptAssignment',
        summary:
          'Accept a submitted questionnaire (officers): its answers score the supplier under the published policy now and in every rescore until they expire, and each poorly controlled criterion and red flag becomes a finding',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: AssignmentAcceptSchema,
        response: { 200: AssignmentAcceptedSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      review.accept(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );

  r.get(
    '/api/assignments/:id/preview',
    {
      schema: {
        tags,
        operationId: 'previewAssignmentAcceptance',
        summary:
          'What accepting this submitted questionnaire would do now (officers), writing nothing: the rating and scores before → after under the published policy, the criteria its answers score, the red flags they raise, the findings that would open. evidenceAccepted: question ids, comma-separated, as accept takes them',
        params: IdParamsSchema,
        querystring: AssignmentPreviewQuerySchema,
        response: { 200: AssignmentPreviewSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => review.preview(ctxOf(req), req.params.id, req.query),
  );

  r.get(
    '/api/assignments/:id/evidence/:fileId',
    {
      schema: {
        tags,
        operationId: 'downloadAssignmentEvidence',
        summary:
          'Download an evidence file the supplier uploaded (always as an attachment; its SHA-256 in X-Evidence-Sha256)',
        params: AssignmentEvidenceParamsSchema,
      },
    },
    async (req, reply) =>
      sendEvidence(reply, await review.evidence(ctxOf(req), req.params.id, req.params.fileId)),
  );
};
