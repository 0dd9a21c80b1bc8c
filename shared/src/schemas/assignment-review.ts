import { z } from 'zod';
import { AnswerUsedSchema, RedFlagHitSchema } from '../domain/scoring/types.js';
import { FindingSchema } from './assignments.js';
import { IdSchema } from './common.js';
import { RatingSchema } from './suppliers.js';

// The officer's review beyond reading answers: what accepting would do (the score preview), and a supplier's
// findings as the supplier page lists them.

const QUESTION_ID = /^[a-z][a-z0-9_]*$/;
const MAX_EVIDENCE_IDS = 300;

/**
 * `GET /api/assignments/:id/preview?evidenceAccepted=q1,q2`: the question ids whose evidence the officer
 * would accept, comma-separated (what accept takes as `evidenceAccepted`); none when absent.
 */
export const AssignmentPreviewQuerySchema = z.object({
  evidenceAccepted: z
    .string()
    .max(MAX_EVIDENCE_IDS * 65, 'Too many question ids')
    .refine(
      (v) => v === '' || v.split(',').every((p) => QUESTION_ID.test(p.trim()) && p.trim().length <= 64),
      'Use question ids (lower-case letters, digits and underscores), comma-separated',
    )
    .refine((v) => v.split(',').length <= MAX_EVIDENCE_IDS, `At most ${MAX_EVIDENCE_IDS} question ids`)
    .optional(),
});
export type AssignmentPreviewQuery = z.infer<typeof AssignmentPreviewQuerySchema>;

/** The question ids of a validated `evidenceAccepted` query value, each once. */
export const evidenceIdsOf = (v: string | undefined): string[] =>
  v ? [...new Set(v.split(',').map((p) => p.trim()))].filter(Boolean) : [];

const ScoresSchema = z.object({
  rating: RatingSchema,
  inherentScore: z.number(),
  controlScore: z.number(),
  residualScore: z.number(),
});

/** One control criterion the answers score: its effectiveness (%) now and once accepted, and the answers. */
export const PreviewCriterionSchema = z.object({
  key: z.string(),
  name: z.string(),
  group: z.enum(['ilo_indicator', 'governance']),
  citation: z.string(),
  /** Effectiveness in the supplier's latest assessment; null when it has none. */
  before: z.number().nullable(),
  after: z.number(),
  answers: z.array(AnswerUsedSchema),
});
export type PreviewCriterion = z.infer<typeof PreviewCriterionSchema>;

/** A finding accepting would open (not stored: no id, status or date yet). */
export const PreviewFindingSchema = FindingSchema.pick({
  kind: true,
  key: true,
  title: true,
  detail: true,
  severity: true,
  questionId: true,
  citation: true,
});
export type PreviewFinding = z.infer<typeof PreviewFindingSchema>;

/**
 * What accepting the questionnaire would do now, computed exactly as accept does and stored nowhere: the
 * supplier's scores before (its latest assessment) and after, the criteria the answers score, the red flags
 * they raise and the findings that would open.
 */
export const AssignmentPreviewSchema = z.object({
  assignmentId: IdSchema,
  /** The published policy version it scores under. */
  policyVersion: z.number().int(),
  evidenceAccepted: z.array(z.string()),
  before: ScoresSchema.extend({ assessedAt: z.string(), policyVersion: z.number().int() }).nullable(),
  after: ScoresSchema.extend({ ratingFromScore: RatingSchema }),
  criteria: z.array(PreviewCriterionSchema),
  redFlags: z.array(RedFlagHitSchema),
  findings: z.array(PreviewFindingSchema),
});
export type AssignmentPreview = z.infer<typeof AssignmentPreviewSchema>;

/** `GET /api/suppliers/:id/findings`: a supplier's findings, most severe first, then newest (open ones unless `status` says). */
export const SupplierFindingsQuerySchema = z.object({
  status: z.enum(['open', 'closed', 'risk_accepted', 'all']).default('open'),
});
export type SupplierFindingsQuery = z.infer<typeof SupplierFindingsQuerySchema>;

export const SupplierFindingsSchema = z.object({ items: z.array(FindingSchema) });
export type SupplierFindings = z.infer<typeof SupplierFindingsSchema>;
