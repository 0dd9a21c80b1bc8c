import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf, requiredText, text } from './common.js';
import { LocaleSchema, TemplateDefinitionSchema } from './questionnaires.js';
import { ExpectedRevisionShape, RevisionSchema } from './revision.js';

// The API of questionnaire templates (the definition itself is questionnaires.ts). A template is a family
// of versions: drafts are edited; publishing freezes a numbered version, and an assignment points to the
// exact version it was sent with, so a later version never changes an answered questionnaire.

export const TEMPLATE_STATUSES = ['draft', 'published', 'retired'] as const;
export const TemplateStatusSchema = z.enum(TEMPLATE_STATUSES);
export type TemplateStatus = z.infer<typeof TemplateStatusSchema>;

/** One thing that stops a template from being published, at a dotted path into the request or record. */
export const TemplateIssueSchema = z.object({ path: z.string(), message: z.string() });
export type TemplateIssueOut = z.infer<typeof TemplateIssueSchema>;

/** A template version as lists show it (no definition). */
export const TemplateSummarySchema = z.object({
  id: IdSchema,
  /** The lineage: every version of one template shares it (the id of its first version). */
  familyId: IdSchema,
  name: z.string(),
  status: TemplateStatusSchema,
  /** Numbered when published (1, 2, … within the family); null for a draft. */
  version: z.number().int().nullable(),
  basedOnId: IdSchema.nullable(),
  /** The questionnaire's title in its default locale. */
  title: z.string(),
  locales: z.array(LocaleSchema),
  sectionCount: z.number().int(),
  questionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  revision: RevisionSchema,
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

/**
 * One template version with its definition, and what would stop it being published under the organisation's
 * published policy (criteria or red flags the policy does not define); empty when it can be published.
 */
export const TemplateSchema = TemplateSummarySchema.extend({
  definition: TemplateDefinitionSchema,
  issues: z.array(TemplateIssueSchema),
});
export type Template = z.infer<typeof TemplateSchema>;

/**
 * `POST /api/templates`: a new template from a definition (an import, or the builder's first save), from the
 * shipped default questionnaire (`from: "default"`), or a new draft version of a published one (`basedOnId`).
 */
export const TemplateCreateSchema = z
  .object({
    name: requiredText(200, 'Name'),
    definition: TemplateDefinitionSchema.optional(),
    from: z.literal('default').optional(),
    basedOnId: IdSchema.optional(),
  })
  .refine((v) => [v.definition, v.from, v.basedOnId].filter((x) => x !== undefined).length === 1, {
    message: 'Give exactly one of definition, from ("default") or basedOnId',
    path: ['definition'],
  });
export type TemplateCreate = z.infer<typeof TemplateCreateSchema>;

/** `PATCH /api/templates/:id` (drafts only): `revision` (or If-Match) names the revision it was made from. */
export const TemplateUpdateSchema = z
  .object({ name: requiredText(200, 'Name'), definition: TemplateDefinitionSchema })
  .partial()
  .extend(ExpectedRevisionShape)
  .refine((v) => v.name !== undefined || v.definition !== undefined, {
    message: 'Change the name or the definition',
    path: ['definition'],
  });
export type TemplateUpdate = z.infer<typeof TemplateUpdateSchema>;

/** `POST /api/templates/:id/publish`: only the reviewed revision is published. */
export const TemplatePublishSchema = z.object(ExpectedRevisionShape);

export const TemplatesQuerySchema = PageQuerySchema.extend({
  status: TemplateStatusSchema.optional(),
  /** Text search in the name. */
  q: text(200).optional(),
});
export type TemplatesQuery = z.infer<typeof TemplatesQuerySchema>;

export const TemplatePageSchema = pageOf(TemplateSummarySchema);
