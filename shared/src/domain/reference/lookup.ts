import type { SupplierProfile } from '../../schemas/suppliers.js';
import { listingsFor, resolveGood, witnessFor } from './goods.js';
import { indexReference } from './reference-index.js';
import type { CountryFacts, DatasetInfo, IlabListing, ReferenceData } from './types.js';

/** What the datasets say about a country, or null when none of them covers it. */
export const countryFacts = (ref: ReferenceData, iso2: string): CountryFacts | null =>
  Object.hasOwn(ref.countries, iso2) ? (ref.countries[iso2] ?? null) : null;

/**
 * The part of `ref` that scoring `profile` reads: every dataset's description, the supplier's country, and
 * the ILAB rows its goods matched (plus, for a good listed only elsewhere, one row proving it is on the list).
 * An assessment stores this slice; `score(policy, profile, answers, slice)` equals the score against the full
 * data byte for byte, for any answers. ILO indicator texts are left out: scoring does not read them.
 */
const compactDatasets = new WeakMap<ReferenceData, DatasetInfo[]>();

/**
 * The datasets as a slice keeps them: identity, edition and source, without the long descriptive text (how
 * the copy was compiled, licence, known gaps). That text never changes a score and stays in the manifest
 * shipped with the edition; leaving it out keeps each stored assessment ~5 KB smaller.
 */
const datasetsForSlice = (ref: ReferenceData): DatasetInfo[] => {
  let out = compactDatasets.get(ref);
  if (!out) {
    out = ref.datasets.map((d) => ({ ...d, retrieved: '', licence: '', gaps: [] }));
    compactDatasets.set(ref, out);
  }
  return out;
};

export const sliceReference = (ref: ReferenceData, profile: SupplierProfile): ReferenceData => {
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
