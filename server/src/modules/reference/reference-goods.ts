import { countryName } from '#shared/countries.js';
import { describeListing, matchGood, resolveGood } from '#shared/domain/reference/goods.js';
import { closestGoods } from '#shared/domain/reference/goods-suggest.js';
import { countryFacts } from '#shared/domain/reference/lookup.js';
import { indexReference } from '#shared/domain/reference/reference-index.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import type { GoodMatchAnswer } from '#shared/schemas/reference.js';

/** How many closest goods a "not recognised" answer offers. */
export const SUGGESTIONS = 3;

/** How `good` matches the list, for `country` when given; the closest goods when it matches none. */
export const answerGoodMatch = (
  ref: ReferenceData,
  good: string,
  country: string | null,
): GoodMatchAnswer => {
  const index = indexReference(ref);
  const { key, members } = resolveGood(index, good);
  const memberSet = new Set(members ?? []);
  const matchedGoods = [...new Set(ref.ilab.filter((l) => memberSet.has(l.goodKey)).map((l) => l.good))];
  const recognised = members !== null;
  const answer: GoodMatchAnswer = {
    good,
    country,
    recognised,
    goodKey: key,
    matchedGoods,
    status: null,
    listings: [],
    suggestions: recognised ? [] : closestGoods(index, good, SUGGESTIONS),
  };
  if (country === null) return answer;
  const m = matchGood(index, country, good);
  const name = countryFacts(ref, country)?.name ?? countryName(country) ?? country;
  return {
    ...answer,
    status: m.status,
    listings: m.listings.map((l) => ({ ...l, description: describeListing(l, name) })),
  };
};
