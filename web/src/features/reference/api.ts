import { useQuery } from '@tanstack/react-query';
import { CountryReferenceSchema, ReferenceOverviewSchema } from '#shared/schemas/reference.js';
import { apiRequest } from '../../lib/api-client.js';

export const referenceKeys = {
  all: ['reference-data'] as const,
  overview: () => [...referenceKeys.all, 'overview'] as const,
  country: (iso2: string) => [...referenceKeys.all, 'country', iso2] as const,
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
