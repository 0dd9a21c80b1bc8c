import type { SupplierProfile } from '../../schemas/suppliers.js';
import { listingsFor, resolveGood, witnessFor } from './goods.js';
import { indexReference } from './reference-index.js';
import type { CountryFacts, DatasetRef, IlabListing, ScoringReference } from './types.js';

/** What the datasets say about a country, or null when none of them covers it. */
export const countryFacts = (ref: ScoringReference, iso2: string): CountryFacts | null =>
  Object.hasOwn(ref.countries, iso2) ? (ref.countries[iso2] ?? null) : null;

const sliceDatasets = new WeakMap<ScoringReference, DatasetRef[]>();

/**
 * The datasets as a slice keeps them: identity and edition. Publisher, title, address and known gaps never
 * change a score; they stay in the manifest shipped with that edition, which the id names. Every stored
 * assessment is ~1 KB smaller for it.
 */
const datasetsForSlice = (ref: ScoringReference): DatasetRef[] => {
  let out = sliceDatasets.get(ref);
  if (!out) {
    out = ref.datasets.map(({ id, kind, shortName, edition }) => ({ id, kind, shortName, edition }));
    sliceDatasets.set(ref, out);
  }
  return out;
};

/**
 * The part of `ref` that scoring `profile` reads: every dataset's identity and edition, the supplier's
 * country, and the ILAB rows its goods matched (plus, for a good listed only elsewhere, one row proving it is
 * on the list). An assessment stores this slice; `score(policy, profile, answers, slice)` equals the score
 * against the full data byte for byte, for any answers. ILO indicator texts are left out: scoring does not
 * read them.
 */
export const sliceReference = (ref: ScoringReference, profile: SupplierProfile): ScoringReference => {
  const index = indexReference(ref);
  const keep = new Set<IlabListing>();
  for (const good of profile.goods) {
    const { members } = resolveGood(index, good);
    if (members === null) continue;
    const rows = listingsFor(index, profile.country, members);
    if (rows.length > 0) {
      for (const row of rows) keep.add(row);
    } else {
      const witness = witnessFor(index, members);
      if (witness) keep.add(witness);
    }
  }
  const facts = countryFacts(ref, profile.country);
  return {
    datasets: datasetsForSlice(ref),
    countries: facts ? { [profile.country]: facts } : {},
    ilab: keep.size === 0 ? [] : ref.ilab.filter((row) => keep.has(row)),
    iloIndicators: [],
  };
};
