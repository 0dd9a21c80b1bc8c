import { z } from 'zod';
import { MAX_TEMPLATE_QUESTIONS, templateStructureIssues } from '../domain/questionnaires/structure.js';
import { requiredText, safeString } from './common.js';
import { ConditionSchema } from './questionnaire-conditions.js';
import { type Locale, LocaleSchema, QUESTIONNAIRE_LOCALES } from './questionnaire-locales.js';

export { type Locale, LocaleSchema, QUESTIONNAIRE_LOCALES, YES_NO_LABELS } from './questionnaire-locales.js';

// WARNING: a published template version is stored (its definition as JSON) and every answered questionnaire
// is read and scored through it for years. A change that makes a stored definition invalid, or reads it
// differently, needs a new schemaVersion and a data migration: add optional fields, never rename or re-mean one.

/** A text in each of the template's locales (templateStructureIssues checks that every locale is there). */
export const localized = (max: number, opts: { multiline?: boolean } = {}) =>
  z.partialRecord(LocaleSchema, requiredText(max, 'Text', opts));
export type LocalizedText = Partial<Record<Locale, string>>;

/**
 * Ids of sections, questions and options: stable across versions (answers and conditions refer to them),
 * so they are short machine keys, never the visible text.
 */
export const QuestionnaireKeySchema = safeString()
  .trim()
  .min(1, 'Id is required')
  .max(64, 'Must be at most 64 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores, e.g. uses_agencies');

/** Points have at most 2 decimals, like every number the scoring engine reports. */
const PointsSchema = z
  .number()
  .min(0, 'Points cannot be negative')
  .max(100, 'At most 100 points')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'Use at most 2 decimals');

/** A policy criterion or red-flag key (checked against the policy by validateTemplate). */
const PolicyKeySchema = QuestionnaireKeySchema;

export const OptionSchema = z.object({
  id: QuestionnaireKeySchema,
  label: localized(200),
  /** Multi-choice only: an answer that excludes the others ("None of these"), so it cannot be chosen with them. */
  exclusive: z.boolean().optional(),
});
export type QuestionOption = z.infer<typeof OptionSchema>;

/**
 * How a choice answer scores (`yes_no`, `single_choice`, `multi_choice`): points per option id (an option
 * not listed earns 0; a multi-choice answer earns the sum of its options, capped at `maxPoints`) and the
 * options that raise a policy red flag. A `yes_no` question's options are `yes` and `no`.
 */
export const ChoiceScoringSchema = z.object({
  criterion: PolicyKeySchema,
  maxPoints: PointsSchema.refine((n) => n > 0, 'Must be above 0'),
  points: z.record(QuestionnaireKeySchema, PointsSchema),
  redFlags: z.record(QuestionnaireKeySchema, PolicyKeySchema).optional(),
});
export type ChoiceScoring = z.infer<typeof ChoiceScoringSchema>;

/** A numeric band: a value earns the band with the highest `from` it reaches (below every band: 0 points). */
export const BandSchema = z.object({
  from: z.number().min(-1e9).max(1e9),
  points: PointsSchema,
  redFlag: PolicyKeySchema.optional(),
});
export const BandScoringSchema = z.object({
  criterion: PolicyKeySchema,
  maxPoints: PointsSchema.refine((n) => n > 0, 'Must be above 0'),
  bands: z.array(BandSchema).min(1, 'At least one band').max(20, 'At most 20 bands'),
});
export type BandScoring = z.infer<typeof BandScoringSchema>;

const questionBase = {
  id: QuestionnaireKeySchema,
  label: localized(500),
  help: localized(2000, { multiline: true }).optional(),
  required: z.boolean(),
  /** Shown only when this holds on earlier answers; hidden questions' answers are ignored everywhere. */
  showIf: ConditionSchema.optional(),
  /** The supplier is asked to attach evidence; an answer whose evidence an officer accepts counts more. */
  evidenceRequested: z.boolean(),
};

const OptionsSchema = z.array(OptionSchema).min(2, 'At least 2 options').max(30, 'At most 30 options');

export const QUESTION_TYPES = [
  'yes_no',
  'single_choice',
  'multi_choice',
  'number',
  'text',
  'date',
  'file',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const YesNoQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('yes_no'),
  scoring: ChoiceScoringSchema.optional(),
});
const SingleChoiceQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('single_choice'),
  options: OptionsSchema,
  scoring: ChoiceScoringSchema.optional(),
});
const MultiChoiceQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('multi_choice'),
  options: OptionsSchema,
  scoring: ChoiceScoringSchema.optional(),
});
const NumberQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('number'),
  min: z.number().min(-1e9).max(1e9).optional(),
  max: z.number().min(-1e9).max(1e9).optional(),
  /** Whole numbers only (a headcount, an age in years). */
  integer: z.boolean().optional(),
  unit: localized(40).optional(),
  scoring: BandScoringSchema.optional(),
});
const TextQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('text'),
  maxLength: z.number().int().min(1, 'At least 1 character').max(10_000, 'At most 10,000 characters'),
  multiline: z.boolean().optional(),
});
/** An answer is a calendar date, `YYYY-MM-DD`. */
const DateQuestionSchema = z.object({ ...questionBase, type: z.literal('date') });
/** Evidence files: the answer is the ids of files uploaded for it. */
const FileQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('file'),
  maxFiles: z.number().int().min(1).max(10).optional(),
});

export const QuestionSchema = z
  .discriminatedUnion('type', [
    YesNoQuestionSchema,
    SingleChoiceQuestionSchema,
    MultiChoiceQuestionSchema,
    NumberQuestionSchema,
    TextQuestionSchema,
    DateQuestionSchema,
    FileQuestionSchema,
  ])
  .meta({ id: 'QuestionnaireQuestion' });
export type Question = z.infer<typeof QuestionSchema>;
export type ChoiceQuestion = Extract<Question, { type: 'yes_no' | 'single_choice' | 'multi_choice' }>;
export type NumberQuestion = Extract<Question, { type: 'number' }>;

/** The limits on a template's size, in one place (the builder shows them). */
export const TEMPLATE_LIMITS = {
  sections: 30,
  questionsPerSection: 100,
  questions: MAX_TEMPLATE_QUESTIONS,
  locales: QUESTIONNAIRE_LOCALES.length,
} as const;

export const SectionSchema = z.object({
  id: QuestionnaireKeySchema,
  title: localized(200),
  description: localized(2000, { multiline: true }).optional(),
  questions: z
    .array(QuestionSchema)
    .min(1, 'At least one question')
    .max(TEMPLATE_LIMITS.questionsPerSection, `At most ${TEMPLATE_LIMITS.questionsPerSection} questions`),
});
export type Section = z.infer<typeof SectionSchema>;

const TemplateDefinitionShape = z.object({
  schemaVersion: z.literal(1),
  /** The locales every text is written in; the supplier picks one of them in the portal. */
  locales: z.array(LocaleSchema).min(1, 'At least one locale').max(TEMPLATE_LIMITS.locales),
  /** The locale answers are reported in (scoring breakdown, findings); one of `locales`. */
  defaultLocale: LocaleSchema,
  title: localized(200),
  description: localized(4000, { multiline: true }).optional(),
  sections: z
    .array(SectionSchema)
    .min(1, 'At least one section')
    .max(TEMPLATE_LIMITS.sections, `At most ${TEMPLATE_LIMITS.sections} sections`),
});
export type TemplateDefinition = z.infer<typeof TemplateDefinitionShape>;

/**
 * A questionnaire template's definition: sections → questions. Refuses duplicate ids, conditions on later
 * or unknown questions (or that do not fit their question), scoring that names options the question does
 * not have, and missing translations. Whether its criteria and red flags exist is a question for the policy
 * it is published under: validateTemplate (domain/questionnaires/validate.ts).
 */
export const TemplateDefinitionSchema = TemplateDefinitionShape.superRefine((def, ctx) => {
  for (const { path, message } of templateStructureIssues(def))
    ctx.addIssue({ code: 'custom', path, message });
});
