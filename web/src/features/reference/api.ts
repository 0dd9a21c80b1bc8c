import { useQuery } from '@tanstack/react-query';
import {
  CountryReferenceSchema,
  GoodMatchSchema,
  ReferenceOverviewSchema,
} from '#shared/schemas/reference.js';
import { apiRequest, toQueryString } from '../../lib/api-client.js';

export const referenceKeys = {
  all: ['reference-data'] as const,
  overview: () => [...referenceKeys.all, 'overview'] as const,
  country: (iso2: string) => [...referenceKeys.all, 'country', iso2] as const,
  goodMatch: (good: string, country: string) => [...referenceKeys.all, 'good-match', good, country] as const,
};

// Reference data changes only with a release, so answers stay fresh for the whole session.
const ONE_HOUR_MS = 3_600_000;

export const useReferenceOverview = () =>
  useQuery({
    queryKey: referenceKeys.overview(),
    queryFn: ({ signal }) => apiRequest('/api/reference-data', { schema: ReferenceOverviewSchema, signal }),
    staleTime: ONE_HOUR_MS,
  });

export const useCountryReference = (iso2: string | null) =>
  useQuery({
    queryKey: referenceKeys.country(iso2 ?? ''),
    queryFn: ({ signal }) =>
      apiRequest(`/api/reference-data/countries/${encodeURIComponent(iso2 ?? '')}`, {
        schema: CountryReferenceSchema,
        signal,
      }),
    enabled: Boolean(iso2),
    staleTime: ONE_HOUR_MS,
  });

/** How one good, as written, matches the ILAB list (for `country` when known); suggestions when it does not. */
export const useGoodMatch = (good: string, country: string | null) =>
  useQuery({
    queryKey: referenceKeys.goodMatch(good, country ?? ''),
    queryFn: ({ signal }) =>
      apiRequest(`/api/reference-data/goods/match${toQueryString({ good, country })}`, {
        schema: GoodMatchSchema,
        signal,
      }),
    enabled: good.trim() !== '',
    staleTime: ONE_HOUR_MS,
  });
