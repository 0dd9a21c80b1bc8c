import { countryName } from '../../countries.js';
import { GOOD_GROUPS, IRREGULAR_SINGULARS, QUALIFIERS, SYNONYMS } from './goods-synonyms.js';
import { indexReference, type RefIndex } from './reference-index.js';
import type { IlabListing, ScoringReference } from './types.js';

export type GoodMatchStatus = 'listed' | 'not_listed' | 'unknown_good';

export interface GoodMatch {
  /** The good as the buyer wrote it. */
  input: string;
  /** What it was matched as (an ILAB good's key, or a group key such as "palm"). */
  goodKey: string;
  /** The ILAB rows for this country and good (empty unless `listed`). */
  listings: IlabListing[];
  /**
   * `listed`: on the ILAB list for this country. `not_listed`: on the list, but only for other countries.
   * `unknown_good`: on the list for no country, so the list says nothing about it: a data gap, not low risk.
   */
  status: GoodMatchStatus;
}

export const singularise = (word: string): string => {
  const irregular = IRREGULAR_SINGULARS[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('oes')) return word.slice(0, -2);
  if (word.endsWith('sses') || word.endsWith('ches') || word.endsWith('shes') || word.endsWith('xes')) {
    return word.slice(0, -2);
  }
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
};

/** Lower case, no accents, no parenthesised qualifier, first of "a/b" alternatives, words of [a-z0-9]. */
export const simplify = (name: string): string => {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  s = s.replace(/\([^)]*\)?/g, ' ');
  const slash = s.indexOf('/');
  if (slash >= 0) s = s.slice(0, slash);
  return s
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
};

/** The key of a phrase already simplified: last word singular, trailing "ore" dropped, then synonyms. */
const keyOfWords = (words: readonly string[]): string => {
  const last = words.length - 1;
  let phrase =
    last > 0 ? `${words.slice(0, last).join(' ')} ${singularise(words[last]!)}` : singularise(words[0]!);
  if (phrase.endsWith(' ore')) phrase = phrase.slice(0, -4);
  return SYNONYMS.get(phrase) ?? phrase;
};

/**
 * The key a good is matched by: "Cotton lint", "raw cotton" → "cotton"; "Apparel", "garments" → "garment";
 * "Cobalt ore (heterogenite)" → "cobalt"; "sugar cane" → "sugarcane". Keys are singular.
 */
export const normaliseGood = (name: string): string => {
  const s = simplify(name);
  return s === '' ? '' : keyOfWords(s.split(' '));
};

/** A key resolved against one reference-data object: the ILAB goods it stands for, or null if none is known. */
export interface ResolvedGood {
  key: string;
  members: readonly string[] | null;
}

const MAX_CACHED_INPUTS = 20_000;

const isKnown = (index: RefIndex, key: string): readonly string[] | null => {
  const group = GOOD_GROUPS.get(key);
  if (group) return group;
  return index.firstByKey.has(key) ? [key] : null;
};

/** Buyer phrases to try, most specific first: the phrase, then without qualifiers, then their endings. */
const candidateKeys = (words: readonly string[]): string[] => {
  const bare = words.filter((w) => !QUALIFIERS.has(w));
  const keys = [keyOfWords(words)];
  if (bare.length > 0 && bare.length < words.length) keys.push(keyOfWords(bare));
  for (let i = 1; i < words.length; i++) keys.push(keyOfWords(words.slice(i)));
  if (bare.length < words.length) for (let i = 1; i < bare.length; i++) keys.push(keyOfWords(bare.slice(i)));
  return keys;
};

/**
 * The full phrase first; if the list knows no such good, the phrase without qualifiers ("palm oil, crude" →
 * palm), then its shorter endings ("organic cotton" → "cotton", "cotton t-shirts" → "t shirt" → garment),
 * because in English the head noun comes last. Unknown: the key of the full phrase, members null.
 */
export const resolveGood = (index: RefIndex, input: string): ResolvedGood => {
  const cached = index.resolved.get(input);
  if (cached) return cached;
  const s = simplify(input);
  const words = s === '' ? [] : s.split(' ');
  let resolved: ResolvedGood = { key: '', members: null };
  if (words.length > 0) {
    const keys = candidateKeys(words);
    resolved = { key: keys[0]!, members: null };
    for (const key of keys) {
      const members = isKnown(index, key);
      if (members) {
        resolved = { key, members };
        break;
      }
    }
  }
  if (index.resolved.size >= MAX_CACHED_INPUTS) index.resolved.clear();
  index.resolved.set(input, resolved);
  return resolved;
};

/** The ILAB rows of `iso2` for a resolved good, member by member (shared arrays: do not mutate). */
export const listingsFor = (
  index: RefIndex,
  iso2: string,
  members: readonly string[],
): readonly IlabListing[] => {
  const byKey = index.byCountry.get(iso2);
  if (!byKey) return [];
  if (members.length === 1) return byKey.get(members[0]!) ?? [];
  const rows: IlabListing[] = [];
  for (const m of members) {
    const found = byKey.get(m);
    if (found) rows.push(...found);
  }
  return rows;
};

/** One row proving that a good is on the list somewhere (what a slice keeps for a `not_listed` good). */
export const witnessFor = (index: RefIndex, members: readonly string[]): IlabListing | null => {
  for (const m of members) {
    const row = index.firstByKey.get(m);
    if (row) return row;
  }
  return null;
};

export const matchGood = (index: RefIndex, iso2: string, input: string): GoodMatch => {
  const { key, members } = resolveGood(index, input);
  if (members === null) return { input, goodKey: key, listings: [], status: 'unknown_good' };
  const listings = listingsFor(index, iso2, members);
  if (listings.length > 0) return { input, goodKey: key, listings: [...listings], status: 'listed' };
  const status = witnessFor(index, members) ? 'not_listed' : 'unknown_good';
  return { input, goodKey: key, listings: [], status };
};

/** Match a supplier's goods against the ILAB list for its country, one result per input, in input order. */
export const matchGoods = (ref: ScoringReference, iso2: string, goods: readonly string[]): GoodMatch[] => {
  const index = indexReference(ref);
  return goods.map((g) => matchGood(index, iso2, g));
};

const listFormat = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** What a listing says, for people: "Cotton from Turkmenistan: listed for forced labour and child labour (ILAB 2022)". */
export const describeListing = (l: IlabListing, countryNameText: string): string => {
  const source = `ILAB ${l.edition}${l.removedIn2024Edition ? '; reported removed in the 2024 edition' : ''}`;
  if (l.basis === 'downstream_input') {
    // The input's country is named from the ISO list, not from reference data a slice may not hold.
    const from =
      l.inputIso2 === null
        ? 'another country'
        : l.inputIso2 === l.iso2
          ? countryNameText
          : (countryName(l.inputIso2) ?? l.inputIso2);
    return `${l.good} from ${countryNameText}: listed as made with an input from ${from} produced with child or forced labour (${source})`;
  }
  const kinds: string[] = [];
  if (l.forcedLabor) kinds.push('forced labour');
  if (l.forcedChildLabor) kinds.push('forced child labour');
  if (l.childLabor) kinds.push('child labour');
  return `${l.good} from ${countryNameText}: listed for ${listFormat(kinds)} (${source})`;
};
