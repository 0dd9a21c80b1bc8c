import { z } from 'zod';
import {
  CountryFactsSchema,
  DatasetInfoSchema,
  IlabListingSchema,
  IloIndicatorSchema,
} from '../domain/reference/types.js';
import { requiredText, safeString } from './common.js';

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

/** GET /api/reference-data/goods/match: how one good, as a buyer writes it, matches the ILAB list. */
export const GoodMatchQuerySchema = z.object({
  good: requiredText(100, 'Good'),
  /** The supplier's country; without it the answer says only whether the good is recognised. */
  country: safeString()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 code, e.g. BD')
    .optional(),
});
export type GoodMatchQuery = z.infer<typeof GoodMatchQuerySchema>;

export const GoodMatchSchema = z.object({
  good: z.string(),
  country: z.string().nullable(),
  /** Whether the good matches any good on the list (for any country). Not recognised: a data gap, not "not listed". */
  recognised: z.boolean(),
  /** The key it was matched as, e.g. "palm" for "crude palm oil". */
  goodKey: z.string(),
  /** The listed goods it matches, as the list names them (any country), e.g. "Palm Fruit", "Crude Palm Oil". */
  matchedGoods: z.array(z.string()),
  /** For `country`: listed there, listed only for other countries, or not recognised; null without a country. */
  status: z.enum(['listed', 'not_listed', 'unknown_good']).nullable(),
  /** The rows listing it for `country`, in words. */
  listings: z.array(IlabListingSchema.extend({ description: z.string() })),
  /** When not recognised: the closest listed goods (each recognised as written), best first; else empty. */
  suggestions: z.array(z.string()),
});
export type GoodMatchAnswer = z.infer<typeof GoodMatchSchema>;
