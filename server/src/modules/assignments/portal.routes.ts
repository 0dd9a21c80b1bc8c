import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import { OkSchema } from '#shared/schemas/common.js';
import {
  PortalAnswerParamsSchema,
  PortalAnswerSavedSchema,
  PortalAnswerSaveSchema,
  PortalLocaleSchema,
  PortalQuestionnaireSchema,
  PortalSubmittedSchema,
  PortalTokenParamsSchema,
} from '#shared/schemas/portal.js';
import type { PortalService } from './portal.service.js';

const tags = ['portal'];
/** Generous for autosave from one supplier, far too few to guess a 256-bit link. */
const PORTAL_LIMIT = { max: 600, timeWindow: 60_000 };
const errors = { 404: ErrorBodySchema, 410: ErrorBodySchema };

/** The supplier portal: no account, the link is the credential (public routes; the token is never logged). */
export const portalRoutes = async (app: FastifyInstance, { portal }: { portal: PortalService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { public: true, rateLimit: PORTAL_LIMIT };

  r.get(
    '/api/portal/:token',
    {
      schema: {
        tags,
        operationId: 'getPortalQuestionnaire',
        summary: 'The questionnaire a supplier link opens, with the answers saved so far',
        params: PortalTokenParamsSchema,
        response: { 200: PortalQuestionnaireSchema, ...errors },
      },
      config,
    },
    async (req) => portal.get(req.params.token),
  );

  r.put(
    '/api/portal/:token/answers/:questionId',
    {
      schema: {
        tags,
        operationId: 'savePortalAnswer',
        summary:
          'Save (or with value null clear) one answer; `revision` is the version last seen: a stale save answers 409 with the answer now',
        params: PortalAnswerParamsSchema,
        body: PortalAnswerSaveSchema,
        response: { 200: PortalAnswerSavedSchema, ...errors },
      },
      config,
    },
    async (req) => portal.saveAnswer(req.params.token, req.params.questionId, req.body),
  );

  r.put(
    '/api/portal/:token/locale',
    {
      schema: {
        tags,
        operationId: 'choosePortalLocale',
        summary: 'The language the supplier answers in',
        params: PortalTokenParamsSchema,
        body: PortalLocaleSchema,
        response: { 200: OkSchema, ...errors },
      },
      config,
    },
    async (req) => portal.chooseLocale(req.params.token, req.body.locale),
  );

  r.post(
    '/api/portal/:token/submit',
    {
      schema: {
        tags,
        operationId: 'submitPortalQuestionnaire',
        summary:
          'Submit the answers; every missing required question is named (400, one issue per question id)',
        params: PortalTokenParamsSchema,
        response: { 200: PortalSubmittedSchema, ...errors },
      },
      config,
    },
    async (req) => portal.submit(req.params.token),
  );
};
