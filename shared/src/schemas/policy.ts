import { z } from 'zod';
import { IdSchema, requiredText, safeString, text } from './common.js';
import { ExpectedRevisionShape, RevisionSchema } from './revision.js';
import { RatingSchema } from './suppliers.js';

// WARNING: published policy documents are stored (policies.document) and assessments are reproduced from
// them. A change that makes a stored document invalid, or reads it differently, needs a new schemaVersion and
// a data migration: add optional fields, never rename or re-mean one.

const KeySchema = safeString()
  .trim()
  .max(64, 'Must be at most 64 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores, e.g. grievance_mechanism');

/** Policy numbers have at most 2 decimals, like every number the engine reports. */
const num = () =>
  z.number().refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'Use at most 2 decimals');

const PointsSchema = num().min(0, 'Points cannot be negative').max(100, 'At most 100 points');
const CitationSchema = requiredText(500, 'Citation');

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) =>
  ctx.addIssue({ code: 'custom', path, message });

/** Unknown data must never read as the lowest risk, or a supplier we know nothing about would look safe. */
const checkUnknown = (ctx: Ctx, path: (string | number)[], unknown: number, known: number[]) => {
  const min = Math.min(...known);
  if (Math.max(...known) > min && unknown <= min) {
    issue(ctx, path, `Unknown data must count for more than the lowest-risk value (${min} points)`);
  }
};

/** Points by band: a value earns the points of the last band whose `from` it reaches. */
const bandsSchema = (unit: string, min: number, max: number) =>
  z
    .array(
      z.object({
        from: num().min(min, `Must be at least ${min}`).max(max, `Must be at most ${max}`),
        points: PointsSchema,
      }),
    )
    .min(1, 'At least one band')
    .max(20, 'At most 20 bands')
    .superRefine((bands, ctx) => {
      if (bands[0] && bands[0].from !== min) {
        issue(
          ctx,
          [0, 'from'],
          `The first band must start at ${min} (${unit}) so that every value has a band`,
        );
      }
      for (let i = 1; i < bands.length; i++) {
        const [prev, cur] = [bands[i - 1]!, bands[i]!];
        if (cur.from <= prev.from) {
          issue(ctx, [i, 'from'], `Band starts must increase: ${cur.from} is not above ${prev.from}`);
        }
        if (cur.points < prev.points) {
          issue(
            ctx,
            [i, 'points'],
            `A riskier band cannot earn fewer points than the band before it (${prev.points})`,
          );
        }
      }
    });

const bandedFactor = (unit: string, min: number, max: number) =>
  z
    .object({ citation: CitationSchema, bands: bandsSchema(unit, min, max), unknownPoints: PointsSchema })
    .superRefine((f, ctx) =>
      checkUnknown(
        ctx,
        ['unknownPoints'],
        f.unknownPoints,
        f.bands.map((b) => b.points),
      ),
    );

const TipFactorSchema = z
  .object({
    citation: CitationSchema,
    /** Points per TIP tier; `special_case` = not ranked that year (conflict or collapse of government). */
    points: z.object({
      '1': PointsSchema,
      '2': PointsSchema,
      '2WL': PointsSchema,
      '3': PointsSchema,
      special_case: PointsSchema,
    }),
    /** The country has no tier in the TIP dataset. */
    unknownPoints: PointsSchema,
  })
  .superRefine((f, ctx) => {
    const order = ['1', '2', '2WL', '3'] as const;
    for (let i = 1; i < order.length; i++) {
      const [prev, cur] = [order[i - 1]!, order[i]!];
      if (f.points[cur] < f.points[prev]) {
        issue(
          ctx,
          ['points', cur],
          `Tier ${cur} cannot earn fewer points than tier ${prev} (${f.points[prev]})`,
        );
      }
    }
    checkUnknown(ctx, ['unknownPoints'], f.unknownPoints, Object.values(f.points));
  });

export const DOWNSTREAM_RULES = ['fixed', 'worst_kind'] as const;
export type DownstreamRule = (typeof DOWNSTREAM_RULES)[number];

const GoodsFactorSchema = z
  .object({
    citation: CitationSchema,
    /** A good may be listed for several kinds; it earns the highest applicable points. */
    forcedLabourPoints: PointsSchema,
    forcedChildLabourPoints: PointsSchema,
    childLabourPoints: PointsSchema,
    /** Listed because an input is made with child or forced labour. */
    downstreamInputPoints: PointsSchema,
    /** On the list, but not for this country. */
    notListedPoints: PointsSchema,
    /** On the list for no country: the list says nothing about it. */
    unknownGoodPoints: PointsSchema,
    /**
     * On the list, but only for other countries. Absent (policies written before engine 1.1.0):
     * `notListedPoints` applies, as it did. When set, it replaces `notListedPoints` everywhere and must be at
     * least `unknownGoodPoints`: ILAB says absence from the list is no evidence of no forced labour, so a good
     * listed anywhere never scores below a good listed nowhere.
     */
    listedElsewherePoints: PointsSchema.optional(),
    /**
     * How a good listed because of a tainted input (`downstream_input`) scores. `fixed` (also when absent):
     * `downstreamInputPoints`. `worst_kind`: the highest of the forced, forced child and child labour points,
     * because ILAB names neither the input nor its kind, and US law (UFLPA) presumes forced labour for goods
     * made wholly or in part with Xinjiang inputs: the product never scores below its listed input.
     */
    downstreamRule: z.enum(DOWNSTREAM_RULES).optional(),
    /** The supplier has no goods recorded. */
    noGoodsPoints: PointsSchema,
  })
  .superRefine((f, ctx) => {
    const listed = [
      'forcedLabourPoints',
      'forcedChildLabourPoints',
      'childLabourPoints',
      'downstreamInputPoints',
    ] as const;
    const elsewhere = f.listedElsewherePoints ?? f.notListedPoints;
    for (const k of listed) {
      if (f[k] < elsewhere)
        issue(ctx, [k], `A listed good cannot earn fewer points than a good listed for other countries`);
    }
    if (f.listedElsewherePoints === undefined) {
      // Policies written before engine 1.1.0: a good listed elsewhere counted as known low risk.
      const known = [...listed.map((k) => f[k]), f.notListedPoints];
      checkUnknown(ctx, ['unknownGoodPoints'], f.unknownGoodPoints, known);
      checkUnknown(ctx, ['noGoodsPoints'], f.noGoodsPoints, known);
      return;
    }
    // Every good the list knows is listed somewhere, so a good on the list for no country is the lowest
    // goods risk there is; a supplier with no goods recorded counts at least as much.
    if (f.listedElsewherePoints < f.unknownGoodPoints) {
      issue(
        ctx,
        ['listedElsewherePoints'],
        `A good listed for other countries cannot earn fewer points than a good on the list for no country (${f.unknownGoodPoints})`,
      );
    }
    if (f.noGoodsPoints < f.unknownGoodPoints) {
      issue(
        ctx,
        ['noGoodsPoints'],
        `No goods recorded cannot earn fewer points than a good on the list for no country (${f.unknownGoodPoints})`,
      );
    }
  });

/** Ratings a policy can set as the floor for unknown data ("low" would raise nothing). */
export const UNKNOWN_DATA_FLOORS = ['medium', 'high', 'critical'] as const;

export const CRITERION_GROUPS = ['ilo_indicator', 'governance'] as const;

export const PolicyCriterionSchema = z.object({
  key: KeySchema,
  name: requiredText(200, 'Name'),
  group: z.enum(CRITERION_GROUPS),
  /** Relative weight in control effectiveness (the weights need not sum to 100). */
  weight: num().min(0, 'Weight cannot be negative').max(100, 'At most 100'),
  citation: CitationSchema,
  description: text(2000, { multiline: true }),
  /**
   * The corrective action suggested when a supplier's answers show this criterion poorly controlled: what a
   * remediation task made from the finding says to do (issue 10). Optional: documents from before it have none.
   */
  remediation: text(2000, { multiline: true }).optional(),
});
export type PolicyCriterion = z.infer<typeof PolicyCriterionSchema>;

export const RedFlagRuleSchema = z.object({
  key: KeySchema,
  name: requiredText(200, 'Name'),
  /** The rating a supplier gets at least when an accepted answer raises this flag, whatever its score. */
  minRating: RatingSchema,
  citation: CitationSchema,
  description: text(2000, { multiline: true }),
  /** The corrective action suggested when an answer raises this flag (as a criterion's `remediation`). */
  remediation: text(2000, { multiline: true }).optional(),
});
export type RedFlagRule = z.infer<typeof RedFlagRuleSchema>;

const uniqueKeys = (what: string) => (items: { key: string }[], ctx: Ctx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) issue(ctx, [i, 'key'], `Duplicate ${what} key "${item.key}"`);
    seen.add(item.key);
  });
};

const share = (label: string) =>
  num().min(0, `${label} must be between 0 and 1`).max(1, `${label} must be between 0 and 1`);

/**
 * The dataset editions a policy scores with, by kind: the id of an edition the organisation loaded
 * (GET /api/datasets). A kind not named here (or no `datasets` at all, as in every document stored before
 * editions could be loaded) uses the edition Clearsource ships.
 */
export const PolicyDatasetsSchema = z
  .object({ us_tip: IdSchema.optional(), gsi: IdSchema.optional(), ilab: IdSchema.optional() })
  .strict();
export type PolicyDatasets = z.infer<typeof PolicyDatasetsSchema>;

/** A scoring policy: all the numbers the engine uses, as data. The engine reads nothing else. */
const days = (max: number) =>
  z.number().int('Must be a whole number').min(0, 'Cannot be negative').max(max, `At most ${max} days`);

/**
 * Reminders and recurrence of questionnaires: a reminder `reminderDaysBefore` days before the due date (each
 * listed day), then, once overdue, one the day after the due date and every `overdueEveryDays` after it, at
 * most `overdueMaxReminders` of them. A recurring questionnaire is re-sent `recurrenceLeadDays` before its
 * next due date (when the accepted answers expire, or its interval comes round).
 */
export const QuestionnaireScheduleSchema = z.object({
  reminderDaysBefore: z
    .array(days(90).min(1, 'At least 1 day before'))
    .max(10, 'At most 10 reminders before the due date')
    .refine((d) => new Set(d).size === d.length, 'Each day at most once'),
  overdueEveryDays: days(90).min(1, 'At least every day'),
  overdueMaxReminders: z
    .number()
    .int('Must be a whole number')
    .min(0, 'Cannot be negative')
    .max(52, 'At most 52 reminders'),
  recurrenceLeadDays: days(180),
});
export type QuestionnaireSchedule = z.infer<typeof QuestionnaireScheduleSchema>;

export const PolicyDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  name: requiredText(200, 'Name'),
  description: text(2000, { multiline: true }),
  /** Inherent risk = 100 × (sum of factor points) / (sum of the factors' maximum points). */
  inherent: z.object({
    tip: TipFactorSchema,
    /** GSI 2023 estimated prevalence of modern slavery, people per 1,000. */
    gsi: bandedFactor('people per 1,000', 0, 1000),
    goods: GoodsFactorSchema,
    /** Share of the workforce that is migrant, in percent. */
    migrantShare: bandedFactor('percent', 0, 100),
    /** Share of the workforce supplied by agencies or labour contractors, in percent. */
    agencyShare: bandedFactor('percent', 0, 100),
    /** Supplier tier (1 = direct); the tier is always known. */
    supplierTier: z.object({ citation: CitationSchema, bands: bandsSchema('tier', 1, 10) }),
    /** GSI vulnerability score, 0–100 (higher = more vulnerable). Absent: not scored (before engine 1.1.0). */
    gsiVulnerability: bandedFactor('vulnerability score', 0, 100).optional(),
    /**
     * GSI government response, scored as its gap: 100 − the response score (in percent, can be negative), so
     * a weaker response earns more points. Absent: not scored (before engine 1.1.0).
     */
    gsiGovernmentResponse: bandedFactor('points below a full response', 0, 200).optional(),
  }),
  criteria: z
    .array(PolicyCriterionSchema)
    .min(1, 'At least one criterion')
    .max(60, 'At most 60 criteria')
    .superRefine(uniqueKeys('criterion'))
    .refine((cs) => cs.some((c) => c.weight > 0), 'At least one criterion needs a weight above 0'),
  redFlags: z.array(RedFlagRuleSchema).max(40, 'At most 40 red flags').superRefine(uniqueKeys('red flag')),
  /** residual = inherent × (1 − maxReduction × control / 100). */
  residual: z.object({
    formula: z.literal('inherent_reduced_by_control'),
    maxReduction: share('The maximum reduction'),
  }),
  /** The lowest residual score of each rating; below `medium` is low. */
  ratingBands: z
    .object({
      medium: num().gt(0, 'Must be above 0, or no supplier could be rated low').max(100, 'At most 100'),
      high: num().min(0).max(100, 'At most 100'),
      critical: num().min(0).max(100, 'At most 100'),
    })
    .superRefine((b, ctx) => {
      if (b.high <= b.medium) issue(ctx, ['high'], `Must be above the medium threshold (${b.medium})`);
      if (b.critical <= b.high) issue(ctx, ['critical'], `Must be above the high threshold (${b.high})`);
    }),
  /** What share of its points an answer earns: self-declared vs backed by accepted evidence. */
  evidenceWeighting: z
    .object({ selfDeclared: share('The weight'), evidenceBacked: share('The weight') })
    .superRefine((w, ctx) => {
      if (w.evidenceBacked === 0) issue(ctx, ['evidenceBacked'], 'Must be above 0, or no answer could count');
      if (w.selfDeclared > w.evidenceBacked) {
        issue(
          ctx,
          ['selfDeclared'],
          `Cannot count for more than an evidence-backed answer (${w.evidenceBacked})`,
        );
      }
    }),
  /** confidence = referenceDataWeight × data coverage + answersWeight × answer coverage. */
  confidence: z
    .object({ referenceDataWeight: share('The weight'), answersWeight: share('The weight') })
    .refine((c) => Math.abs(c.referenceDataWeight + c.answersWeight - 1) < 1e-9, {
      message: 'The two weights must add up to 1',
      path: ['answersWeight'],
    }),
  /**
   * Unknown data is never rated low: when the published country data (TIP tier and the GSI measures the
   * policy scores) is known for less than `minCountryCoverage` of those factors' points, the rating is raised
   * to at least `minRating`, and the result says so (`ratingFloor`). A supplier whose data is fully known is
   * never affected. Absent: no floor (policies written before engine 1.1.0).
   */
  unknownData: z
    .object({
      minRating: z.enum(UNKNOWN_DATA_FLOORS),
      minCountryCoverage: num()
        .gt(0, 'Must be above 0, or the floor could never apply')
        .max(1, 'Must be between 0 and 1'),
    })
    .optional(),
  /** How often a supplier should be reassessed. */
  reassessmentMonths: z
    .number()
    .int('Must be a whole number')
    .min(1, 'At least 1 month')
    .max(60, 'At most 60 months'),
  /** Pinned dataset editions; absent = the shipped editions. */
  datasets: PolicyDatasetsSchema.optional(),
  /**
   * How long an accepted questionnaire's answers count as evidence, in months; then they expire and stop
   * counting (the supplier is scored as unanswered until new answers are accepted). Absent: 12 months, as
   * before this setting existed.
   */
  answerValidityMonths: z
    .number()
    .int('Must be a whole number')
    .min(1, 'At least 1 month')
    .max(60, 'At most 60 months')
    .optional(),
  /** When open questionnaires are chased and recurring ones re-sent. Absent: no reminders are sent. */
  questionnaireSchedule: QuestionnaireScheduleSchema.optional(),
});
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;
export type PolicyDocumentInput = z.input<typeof PolicyDocumentSchema>;

export const POLICY_STATUSES = ['draft', 'published', 'retired'] as const;
export const PolicyStatusSchema = z.enum(POLICY_STATUSES);
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

/**
 * A policy as the API returns it. `version` is its published number (null until the draft is published);
 * `revision` counts its edits (optimistic concurrency, see revision.ts).
 */
export const PolicySchema = z.object({
  id: IdSchema,
  name: z.string(),
  version: z.number().int().nullable(),
  status: PolicyStatusSchema,
  basedOnId: IdSchema.nullable(),
  document: PolicyDocumentSchema,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  createdBy: IdSchema.nullable(),
  revision: RevisionSchema,
});
export type Policy = z.infer<typeof PolicySchema>;

/** A new draft starts as a copy of an existing policy. */
export const PolicyCreateSchema = z.object({ basedOn: IdSchema, name: requiredText(200, 'Name') });
export type PolicyCreate = z.infer<typeof PolicyCreateSchema>;

/** PATCH of a draft; `revision` (or If-Match) names the revision the change was made from. */
export const PolicyUpdateSchema = z.object({
  name: requiredText(200, 'Name').optional(),
  document: PolicyDocumentSchema.optional(),
  ...ExpectedRevisionShape,
});
export type PolicyUpdate = z.infer<typeof PolicyUpdateSchema>;
