import { z } from 'zod';
import {
  CountryFactsSchema,
  DatasetInfoSchema,
  IlabListingSchema,
  IloIndicatorSchema,
} from '../domain/reference/types.js';
import { safeString } from './common.js';

export const ReferenceOverviewSchema = z.object({
  datasets: z.array(DatasetInfoSchema),
  countries: z.number().int(),
  ilabListings: z.number().int(),
  iloIndicators: z.array(IloIndicatorSchema),
});
export type ReferenceOverview = z.infer<typeof ReferenceOverviewSchema>;

export const CountryParamsSchema = z.object({
  iso2: safeString()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 code, e.g. BD'),
});

/** What the published data says about one country, with what it does not know spelled out. */
export const CountryReferenceSchema = z.object({
  iso2: z.string(),
  name: z.string(),
  facts: CountryFactsSchema.nullable(),
  ilab: z.array(IlabListingSchema.extend({ description: z.string() })),
  /** Plain-language gaps, e.g. "No Global Slavery Index prevalence estimate: treated as unknown, not as low". */
  gaps: z.array(z.string()),
});
export type CountryReference = z.infer<typeof CountryReferenceSchema>;
