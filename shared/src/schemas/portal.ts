import { z } from 'zod';
import { AssignmentStatusSchema } from './assignments.js';
import { EvidenceFileSchema } from './evidence.js';

export { type EvidenceFile, EvidenceFileSchema } from './evidence.js';

import { AnswerValueSchema } from './questionnaire-answers.js';
import { LocaleSchema, TemplateDefinitionSchema } from './questionnaires.js';
import { RevisionSchema } from './revision.js';

// The supplier portal's API, reached with the secret link alone (no account): it sees its one assignment.

/** One saved answer with its version: a save made from an older version answers 409 with this one. */
export const PortalAnswerSchema = z.object({
  questionId: z.string(),
  value: AnswerValueSchema,
  revision: RevisionSchema,
  updatedAt: z.string(),
});
export type PortalAnswer = z.infer<typeof PortalAnswerSchema>;

export const PortalQuestionnaireSchema = z.object({
  organisation: z.string(),
  supplierName: z.string(),
  status: AssignmentStatusSchema,
  dueDate: z.string(),
  /** When the supplier last submitted (null until then): the portal's "submitted on …". */
  submittedAt: z.string().nullable(),
  message: z.string(),
  locale: LocaleSchema.nullable(),
  /** Once submitted (or accepted) the questionnaire is read-only until the officer returns it. */
  editable: z.boolean(),
  definition: TemplateDefinitionSchema,
  answers: z.array(PortalAnswerSchema),
  /** What the officer asked, by question id, when they returned the questionnaire. */
  reviewComments: z.record(z.string(), z.string()),
  /** Files uploaded so far (a file question's answer lists the ids it uses). */
  evidence: z.array(EvidenceFileSchema),
  progress: z.object({ answered: z.number().int(), required: z.number().int(), percent: z.number().int() }),
});
export type PortalQuestionnaire = z.infer<typeof PortalQuestionnaireSchema>;

/** `PUT /api/portal/:token/answers/:questionId`: `value: null` clears the answer. */
export const PortalAnswerSaveSchema = z.object({
  value: AnswerValueSchema.nullable(),
  /** The version this save was made from; omitted for a question not answered before. */
  revision: RevisionSchema.optional(),
});
export type PortalAnswerSave = z.infer<typeof PortalAnswerSaveSchema>;

export const PortalAnswerSavedSchema = z.object({
  answer: PortalAnswerSchema.nullable(),
  progress: PortalQuestionnaireSchema.shape.progress,
});
export type PortalAnswerSaved = z.infer<typeof PortalAnswerSavedSchema>;

export const PortalLocaleSchema = z.object({ locale: LocaleSchema });

export const PortalSubmittedSchema = z.object({ ok: z.literal(true), status: AssignmentStatusSchema });

/** The path of a portal call: the token is the credential (never logged: see plugins/log-redaction.ts). */
export const PortalTokenParamsSchema = z.object({
  token: z.string().min(20, 'This link is incomplete').max(100, 'This link is not one we issued'),
});
export const PortalAnswerParamsSchema = PortalTokenParamsSchema.extend({
  questionId: z.string().min(1).max(64),
});

export const PortalEvidenceQuerySchema = z.object({ questionId: z.string().min(1).max(64) });
export const PortalEvidenceParamsSchema = PortalTokenParamsSchema.extend({ fileId: z.uuid() });
