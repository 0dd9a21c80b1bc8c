import { z } from 'zod';

// WARNING: assessments store a slice of this data (sliceReference) and are re-scored from it. Renaming or
// re-meaning a field breaks the reproduction of stored assessments: add fields, never rename one.

/** What a dataset is, independent of its edition: the engine finds "the TIP dataset" by kind, not by id. */
export const DATASET_KINDS = ['us_tip', 'gsi', 'ilab', 'ilo_indicators'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** One published dataset we ship, as named in shared/reference-data/manifest.json. */
export const DatasetInfoSchema = z.object({
  /** Edition-specific id, e.g. `us-tip-2025`. */
  id: z.string().max(50),
  kind: z.enum(DATASET_KINDS),
  /** Short label used in sentences, e.g. "ILAB" in "(ILAB 2022)". */
  shortName: z.string().max(20),
  publisher: z.string().max(300),
  title: z.string().max(300),
  edition: z.string().max(20),
  url: z.string().max(500),
  file: z.string().max(100),
  rows: z.number().int().min(0),
  /**
   * SHA-256 of `file`, lower-case hex: assessments record it, so the exact file they scored against can be
   * checked. Optional: the shipped manifest has it for every file (a test checks), a loaded edition supplies
   * its own.
   */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'A SHA-256 in lower-case hex')
    .optional(),
  /** How and when the copy was compiled. */
  retrieved: z.string().max(2000),
  /** Licence / reuse and attribution note. */
  licence: z.string().max(1000),
  /** Known gaps and limits, in plain words, shown with every report that uses the dataset. */
  gaps: z.array(z.string().max(1000)).max(20),
});
export type DatasetInfo = z.infer<typeof DatasetInfoSchema>;

/** US TIP report tiers; `2WL` is the Tier 2 Watch List, `special_case` a country not ranked that year. */
export const TIP_TIERS = ['1', '2', '2WL', '3', 'special_case'] as const;
export const TipTierSchema = z.enum(TIP_TIERS);
export type TipTier = z.infer<typeof TipTierSchema>;

export const CountryFactsSchema = z.object({
  iso2: z.string().length(2),
  /** The name as the datasets spell it (GSI first, else TIP). */
  name: z.string().max(100),
  tip: z.object({ tier: TipTierSchema, edition: z.string().max(20) }).nullable(),
  gsi: z
    .object({
      /** Estimated people in modern slavery per 1,000 (modelled for 2021); null for the 20 countries without. */
      prevalencePer1000: z.number().nullable(),
      /** Total vulnerability score, 0–100, higher = more vulnerable. */
      vulnerability: z.number().nullable(),
      /** Government response total, in percent; can be negative. */
      governmentResponse: z.number().nullable(),
      edition: z.string().max(20),
    })
    .nullable(),
});
export type CountryFacts = z.infer<typeof CountryFactsSchema>;

export const ILAB_BASES = ['direct', 'downstream_input'] as const;

/** One country–good row of the ILAB list. */
export const IlabListingSchema = z.object({
  iso2: z.string().length(2),
  /** The good as published, e.g. "Cotton", "Cobalt ore (heterogenite)". */
  good: z.string().max(100),
  /** normaliseGood(good): what buyer input is matched against. */
  goodKey: z.string().max(100),
  sector: z.string().max(50),
  childLabor: z.boolean(),
  forcedLabor: z.boolean(),
  forcedChildLabor: z.boolean(),
  /** `downstream_input`: listed because an input (from `inputIso2`) is made with child or forced labour. */
  basis: z.enum(ILAB_BASES),
  inputIso2: z.string().length(2).nullable(),
  edition: z.string().max(20),
  /** Reported removed from the 2024 edition (which we do not have as data). */
  removedIn2024Edition: z.boolean(),
  /** A caveat from our compilation, if any. */
  note: z.string().max(1000).nullable(),
});
export type IlabListing = z.infer<typeof IlabListingSchema>;

export const IloIndicatorSchema = z.object({
  id: z.string().max(20),
  key: z.string().max(64),
  name: z.string().max(100),
  description: z.string().max(2000),
});
export type IloIndicator = z.infer<typeof IloIndicatorSchema>;

/**
 * Everything the scoring engine reads besides the policy, the supplier and the answers. Plain JSON: it can be
 * stored (an assessment keeps the slice it used), sent to the dashboard, and validated with this schema.
 */
export const ReferenceDataSchema = z.object({
  /** Sorted by id. */
  datasets: z.array(DatasetInfoSchema).max(50),
  /** Keyed by ISO alpha-2 code. */
  countries: z.record(z.string(), CountryFactsSchema),
  /** Sorted by country code, then good key, then published name. */
  ilab: z.array(IlabListingSchema),
  iloIndicators: z.array(IloIndicatorSchema).max(50),
});
export type ReferenceData = z.infer<typeof ReferenceDataSchema>;

/** What scoring reads of a dataset: which one it is and its edition (its source is in that edition's manifest). */
export const DatasetRefSchema = DatasetInfoSchema.pick({
  id: true,
  kind: true,
  shortName: true,
  edition: true,
});
export type DatasetRef = z.infer<typeof DatasetRefSchema>;

/** One good listed only for other countries, as a slice keeps it (`ScoringReference.ilabListedElsewhere`). */
export const IlabListedElsewhereSchema = z.object({
  /** The ILAB good's key (normaliseGood of its published name), e.g. `cotton`. */
  goodKey: z.string().max(100),
  /** ISO alpha-2 codes of every country the edition lists the good for, sorted. */
  listedFor: z.array(z.string().length(2)).max(300),
});
export type IlabListedElsewhere = z.infer<typeof IlabListedElsewhereSchema>;

/**
 * Reference data as the engine reads it: the full data, or the slice an assessment stores. The datasets need
 * only their identity and edition, so a slice carries no descriptive text.
 */
export const ScoringReferenceSchema = ReferenceDataSchema.extend({
  datasets: z.array(DatasetRefSchema).max(50),
  /**
   * In a slice only: for each good the supplier's goods matched that the list has only for other countries,
   * every country it lists that good for. The proof that the supplier's country is not listed (one ILAB row
   * in `ilab` proves the good is on the list at all). Scoring does not read it; absent when there is no such
   * good, and from slices stored before it was kept.
   */
  ilabListedElsewhere: z.array(IlabListedElsewhereSchema).max(200).optional(),
});
export type ScoringReference = z.infer<typeof ScoringReferenceSchema>;
