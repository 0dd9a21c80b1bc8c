import type { SupplierProfile } from '../../schemas/suppliers.js';
import { listingsFor, resolveGood, witnessFor } from './goods.js';
import { indexReference, type RefIndex } from './reference-index.js';
import type {
  CountryFacts,
  DatasetRef,
  IlabListedElsewhere,
  IlabListing,
  ScoringReference,
} from './types.js';

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

const listedElsewhere = new WeakMap<ScoringReference, Map<string, IlabListedElsewhere>>();

/**
 * Every country `ref` lists the good `goodKey` for, sorted. A slice passes on the list it was given (its own
 * rows hold one country only), so slicing a slice keeps the proof.
 */
const listedElsewhereOf = (ref: ScoringReference, index: RefIndex, goodKey: string): IlabListedElsewhere => {
  let byKey = listedElsewhere.get(ref);
  if (!byKey) {
    byKey = new Map(ref.ilabListedElsewhere?.map((e) => [e.goodKey, e]));
    listedElsewhere.set(ref, byKey);
  }
  let entry = byKey.get(goodKey);
  if (!entry) {
    const listedFor: string[] = [];
    for (const [iso2, goods] of index.byCountry) if (goods.has(goodKey)) listedFor.push(iso2);
    entry = { goodKey, listedFor: listedFor.sort() };
    byKey.set(goodKey, entry);
  }
  return entry;
};

/**
 * The part of `ref` that scoring `profile` reads: every dataset's identity and edition, the supplier's
 * country, and the ILAB rows its goods matched. For a good listed only elsewhere it keeps one row proving the
 * good is on the list, and (`ilabListedElsewhere`) every country the list has it for: the evidence that the
 * supplier's country is not among them, a few bytes a country. An assessment stores this slice; `score(policy, profile, answers, slice)` equals the score
 * against the full data byte for byte, for any answers. ILO indicator texts are left out: scoring does not
 * read them.
 */
export const sliceReference = (ref: ScoringReference, profile: SupplierProfile): ScoringReference => {
  const index = indexReference(ref);
  const keep = new Set<IlabListing>();
  const elsewhere = new Map<string, IlabListedElsewhere>();
  for (const good of profile.goods) {
    const { members } = resolveGood(index, good);
    if (members === null) continue;
    const rows = listingsFor(index, profile.country, members);
    if (rows.length > 0) {
      for (const row of rows) keep.add(row);
    } else {
      const witness = witnessFor(index, members);
      if (witness) keep.add(witness);
      for (const m of members) {
        const entry = listedElsewhereOf(ref, index, m);
        if (entry.listedFor.length > 0) elsewhere.set(m, entry);
      }
    }
  }
  const facts = countryFacts(ref, profile.country);
  const slice: ScoringReference = {
    datasets: datasetsForSlice(ref),
    countries: facts ? { [profile.country]: facts } : {},
    ilab: keep.size === 0 ? [] : ref.ilab.filter((row) => keep.has(row)),
    iloIndicators: [],
  };
  if (elsewhere.size > 0) {
    slice.ilabListedElsewhere = [...elsewhere.values()].sort((a, b) =>
      a.goodKey < b.goodKey ? -1 : a.goodKey > b.goodKey ? 1 : 0,
    );
  }
  return slice;
};
