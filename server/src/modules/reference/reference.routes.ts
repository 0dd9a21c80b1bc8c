import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { countryName, isCountryCode } from '#shared/countries.js';
import { describeListing } from '#shared/domain/reference/goods.js';
import { countryFacts } from '#shared/domain/reference/lookup.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import {
  CountryParamsSchema,
  CountryReferenceSchema,
  GoodMatchQuerySchema,
  GoodMatchSchema,
  ReferenceOverviewSchema,
} from '#shared/schemas/reference.js';
import { AppError } from '../../lib/app-error.js';
import { ctxOf } from '../../plugins/auth.js';
import { answerGoodMatch } from './reference-goods.js';

/** The published datasets the scores use (the same for every organisation): sources, editions, gaps. */
export const referenceRoutes = async (app: FastifyInstance, { ref }: { ref: ReferenceData }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reference-data'];

  r.get(
    '/api/reference-data',
    {
      schema: {
        tags,
        summary: 'Datasets with publisher, edition, URL and known gaps',
        response: { 200: ReferenceOverviewSchema },
      },
    },
    async (req) => {
      ctxOf(req);
      return {
        datasets: ref.datasets,
        countries: Object.keys(ref.countries).length,
        ilabListings: ref.ilab.length,
        iloIndicators: ref.iloIndicators,
      };
    },
  );

  r.get(
    '/api/reference-data/countries/:iso2',
    {
      schema: {
        tags,
        summary: 'What the datasets say about one country; what they lack is listed as unknown',
        params: CountryParamsSchema,
        response: { 200: CountryReferenceSchema },
      },
    },
    async (req) => {
      ctxOf(req);
      const iso2 = req.params.iso2;
      if (!isCountryCode(iso2)) {
        throw new AppError('validation_failed', `${iso2} is not an ISO 3166-1 country code`, [
          { path: 'iso2', message: 'Unknown country code' },
        ]);
      }
      const facts = countryFacts(ref, iso2);
      const name = facts?.name ?? countryName(iso2) ?? iso2;
      const tip = ref.datasets.find((d) => d.kind === 'us_tip');
      const gsi = ref.datasets.find((d) => d.kind === 'gsi');
      const ilab = ref.datasets.find((d) => d.kind === 'ilab');
      const gaps: string[] = [];
      if (!facts?.tip)
        gaps.push(
          `Not ranked in the ${tip?.shortName ?? 'TIP'} ${tip?.edition ?? ''} report: trafficking risk unknown, not low`,
        );
      if (facts?.tip?.tier === 'special_case')
        gaps.push(
          'A TIP "special case": not ranked in this edition; the default policy scores it like Tier 3 (see the methodology)',
        );
      if (!facts?.gsi || facts.gsi.prevalencePer1000 === null) {
        gaps.push(
          `No ${gsi?.shortName ?? 'GSI'} ${gsi?.edition ?? ''} prevalence estimate: treated as unknown, not as low`,
        );
      }
      const listings = ref.ilab
        .filter((l) => l.iso2 === iso2)
        .map((l) => ({ ...l, description: describeListing(l, name) }));
      if (listings.length === 0) {
        gaps.push(
          `No goods listed for this country in ${ilab?.shortName ?? 'ILAB'} ${ilab?.edition ?? ''} (the 2024 edition's additions are not in our copy)`,
        );
      }
      return { iso2, name, facts, ilab: listings, gaps };
    },
  );

  r.get(
    '/api/reference-data/goods/match',
    {
      config: { role: 'executive' },
      schema: {
        tags,
        summary:
          'How a good, as written, matches the ILAB list; the closest listed goods when it matches none',
        description:
          'Recognised goods name the listed goods they match (any country) and, with `country`, whether they are listed there. A good that matches no listed good is "not recognised": scored as unknown (a data gap), never as "not listed"; `suggestions` holds the closest listed goods, each recognised as written.',
        querystring: GoodMatchQuerySchema,
        response: { 200: GoodMatchSchema },
      },
    },
    async (req) => {
      ctxOf(req);
      const { good, country } = req.query;
      if (country !== undefined && !isCountryCode(country)) {
        throw new AppError('validation_failed', `${country} is not an ISO 3166-1 country code`, [
          { path: 'country', message: 'Unknown country code' },
        ]);
      }
      return answerGoodMatch(ref, good, country ?? null);
    },
  );
};
