import type { ResolvedGood } from './goods.js';
import type { DatasetKind, DatasetRef, IlabListing, ScoringReference } from './types.js';

/** Lookup structures built once per reference-data object (treat the object as immutable once scored). */
export interface RefIndex {
  /** iso2 → good key → rows, in reference order. */
  byCountry: Map<string, Map<string, IlabListing[]>>;
  /** good key → its first row in reference order (proof the good is on the list somewhere). */
  firstByKey: Map<string, IlabListing>;
  datasetByKind: Map<DatasetKind, DatasetRef>;
  /** Buyer input → resolved good; bounded, filled by resolveGood. */
  resolved: Map<string, ResolvedGood>;
}

const indexes = new WeakMap<ScoringReference, RefIndex>();

/** The index of `ref`, built on first use and cached for as long as `ref` lives. */
export const indexReference = (ref: ScoringReference): RefIndex => {
  const existing = indexes.get(ref);
  if (existing) return existing;
  const byCountry = new Map<string, Map<string, IlabListing[]>>();
  const firstByKey = new Map<string, IlabListing>();
  for (const row of ref.ilab) {
    let byKey = byCountry.get(row.iso2);
    if (!byKey) {
      byKey = new Map();
      byCountry.set(row.iso2, byKey);
    }
    const rows = byKey.get(row.goodKey);
    if (rows) rows.push(row);
    else byKey.set(row.goodKey, [row]);
    if (!firstByKey.has(row.goodKey)) firstByKey.set(row.goodKey, row);
  }
  const datasetByKind = new Map<DatasetKind, DatasetRef>();
  for (const d of ref.datasets) if (!datasetByKind.has(d.kind)) datasetByKind.set(d.kind, d);
  const index: RefIndex = { byCountry, firstByKey, datasetByKind, resolved: new Map() };
  indexes.set(ref, index);
  return index;
};
