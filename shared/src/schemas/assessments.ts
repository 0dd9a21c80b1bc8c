import { z } from 'zod';
import { AssessmentInputsSchema, AssessmentResultSchema } from '../domain/scoring/types.js';
import { IdSchema, PageQuerySchema, pageOf } from './common.js';
import { RatingSchema } from './suppliers.js';

/**
 * Why an assessment ran. `created`: the supplier was just added; `profile_changed`: a field the policy scores
 * changed (the assessment's `triggerDetail` names which); `questionnaire_accepted`: an officer accepted the
 * supplier's answers (the detail names the questionnaire). Stored as text: keep in step with the drizzle schema.
 */
export const ASSESSMENT_TRIGGERS = [
  'manual',
  'policy_published',
  'import',
  'seed',
  'created',
  'profile_changed',
  'questionnaire_accepted',
  /** The supplier's accepted questionnaire answers reached the end of their validity. */
  'answers_expired',
  /** A remediation task's fix was verified (its finding closed), or a closed task was reopened. */
  'remediation',
] as const;
export type AssessmentTrigger = (typeof ASSESSMENT_TRIGGERS)[number];

/**
 * One stored scoring run. `result` is the engine's full AssessmentResult (shared/src/domain/scoring), as the
 * engine wrote it (the database keeps a compact form, domain/scoring/stored.ts); `inputs` are what it read
 * (profile, answers, the slice of reference data). `resultSha256` is the SHA-256 of the full result text.
 */
export const AssessmentSchema = z.object({
  id: IdSchema,
  supplierId: IdSchema,
  policyId: IdSchema,
  policyVersion: z.number().int(),
  engineVersion: z.string(),
  rating: RatingSchema,
  inherentScore: z.number(),
  controlScore: z.number(),
  residualScore: z.number(),
  trigger: z.enum(ASSESSMENT_TRIGGERS),
  /** What set it off, in words (e.g. "profile changed: migrant worker share"); null on assessments made before it was kept. */
  triggerDetail: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  resultSha256: z.string(),
  /** The full breakdown, in the engine's key order: SHA-256 of its JSON text is `resultSha256`. */
  result: AssessmentResultSchema,
  inputs: AssessmentInputsSchema,
  /**
   * The accepted questionnaire whose answers it scored, and the template version that questionnaire was sent
   * with. Null when it scored no answers, and on assessments made before this was recorded (issue 9).
   */
  answersFrom: z
    .object({ assignmentId: IdSchema, templateId: IdSchema, templateVersion: z.number().int().nullable() })
    .nullable(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const AssessmentsQuerySchema = PageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const AssessmentPageSchema = pageOf(AssessmentSchema);
export type AssessmentPage = z.infer<typeof AssessmentPageSchema>;
