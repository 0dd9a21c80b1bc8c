import { z } from 'zod';
import { DatasetInfoSchema, IlabListingSchema, TipTierSchema } from '../domain/reference/types.js';
import { IdSchema, IsoDateTimeSchema, requiredText, safeString } from './common.js';

// WARNING: loaded editions are stored (dataset_editions.content) and scored from for as long as a policy pins
// them. Add fields, never rename or re-mean one.

/** The datasets an administrator can load new editions of (the ILO indicator texts are not a yearly list). */
export const LOADABLE_KINDS = ['us_tip', 'gsi', 'ilab'] as const;
export const LoadableKindSchema = z.enum(LOADABLE_KINDS);
export type LoadableKind = z.infer<typeof LoadableKindSchema>;

export const KIND_LABELS: Record<LoadableKind, string> = {
  us_tip: 'US Trafficking in Persons report (tiers)',
  gsi: 'Global Slavery Index',
  ilab: 'ILAB List of Goods Produced by Child Labor or Forced Labor',
};

/** Largest upload accepted (CSV or XLSX); the shipped ILAB file is ~60 KB. */
export const EDITION_MAX_BYTES = 5 * 1024 * 1024;
/** Most rows an edition may have: the lists have a few hundred. */
export const EDITION_MAX_ROWS = 20_000;

/**
 * The provenance an administrator gives with the file (multipart fields beside `file`). The edition is the
 * publication year, as the shipped files' `edition` column has it.
 */
export const EditionUploadFieldsSchema = z.object({
  kind: LoadableKindSchema,
  edition: safeString()
    .trim()
    .regex(/^\d{4}$/, 'Use the four-digit year of the edition, e.g. 2024'),
  publisher: requiredText(300, 'Publisher'),
  url: safeString()
    .trim()
    .max(500, 'Must be at most 500 characters')
    .regex(/^https?:\/\/[^\s]+$/, 'Use the web address of the publication, starting with https://'),
  publishedOn: safeString()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a valid date'),
});
export type EditionUploadFields = z.infer<typeof EditionUploadFieldsSchema>;

/** One problem in the uploaded file: `row` as a spreadsheet numbers it (the header is row 1). */
export const EditionIssueSchema = z.object({
  row: z.number().int(),
  /** The column at fault, or null for the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});
export type EditionIssue = z.infer<typeof EditionIssueSchema>;

/** A country's TIP placement in a loaded edition. */
export const TipEntrySchema = z.object({ iso2: z.string().length(2), name: z.string(), tier: TipTierSchema });
/** A country's GSI figures in a loaded edition (null where the index has no estimate). */
export const GsiEntrySchema = z.object({
  iso2: z.string().length(2),
  name: z.string(),
  prevalencePer1000: z.number().nullable(),
  vulnerability: z.number().nullable(),
  governmentResponse: z.number().nullable(),
});
export type TipEntry = z.infer<typeof TipEntrySchema>;
export type GsiEntry = z.infer<typeof GsiEntrySchema>;

/** The rows of a loaded edition as the engine reads them (stored as JSON, parsed on read). */
export const EditionContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('us_tip'), rows: z.array(TipEntrySchema) }),
  z.object({ kind: z.literal('gsi'), rows: z.array(GsiEntrySchema) }),
  z.object({ kind: z.literal('ilab'), rows: z.array(IlabListingSchema) }),
]);
export type EditionContent = z.infer<typeof EditionContentSchema>;

/** One row-level difference, in words: "Thailand shrimp removed", "Malaysia: Tier 2 → Tier 2 Watch List". */
export const EditionChangeSchema = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  iso2: z.string(),
  text: z.string(),
});
export type EditionChange = z.infer<typeof EditionChangeSchema>;

export const EditionDiffSchema = z.object({
  kind: LoadableKindSchema,
  /** The edition compared against: the one the organisation's published policy uses. */
  from: z.object({ id: z.string(), edition: z.string() }),
  to: z.object({ id: z.string(), edition: z.string() }),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  /** Sorted by country, at most DIFF_SHOWN of them; the counts above are complete. */
  changes: z.array(EditionChangeSchema),
});
export type EditionDiff = z.infer<typeof EditionDiffSchema>;
export const DIFF_SHOWN = 2000;

/** A policy that pins an edition. */
export const EditionPinSchema = z.object({
  id: IdSchema,
  name: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  version: z.number().int().nullable(),
});

/** A loaded edition with its provenance; `dataset` is how assessments scored under it cite it. */
export const DatasetEditionSchema = z.object({
  id: IdSchema,
  kind: LoadableKindSchema,
  edition: z.string(),
  publisher: z.string(),
  url: z.string(),
  publishedOn: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  createdAt: IsoDateTimeSchema,
  createdBy: z.string(),
  dataset: DatasetInfoSchema,
  /** The policies that pin it (it can be deleted only while this is empty). */
  pinnedBy: z.array(EditionPinSchema),
});
export type DatasetEdition = z.infer<typeof DatasetEditionSchema>;

/** GET /api/datasets: the shipped editions (read-only, always available) and this organisation's own. */
export const DatasetsOverviewSchema = z.object({
  shipped: z.array(DatasetInfoSchema),
  editions: z.array(DatasetEditionSchema),
});
export type DatasetsOverview = z.infer<typeof DatasetsOverviewSchema>;

/**
 * The answer to an upload: stored (201, with the diff against the edition in use), or refused (200, nothing
 * stored) with the problems, at most ISSUES_SHOWN of them.
 */
export const EditionUploadResultSchema = z.object({
  accepted: z.boolean(),
  edition: DatasetEditionSchema.nullable(),
  diff: EditionDiffSchema.nullable(),
  rows: z.number().int(),
  issues: z.array(EditionIssueSchema),
  issuesTotal: z.number().int(),
});
export type EditionUploadResult = z.infer<typeof EditionUploadResultSchema>;
export const ISSUES_SHOWN = 500;
