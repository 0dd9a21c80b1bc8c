import { distance } from 'fastest-levenshtein';
import { resolveGood, simplify, singularise } from './goods.js';
import { GOOD_GROUPS, QUALIFIERS, SYNONYMS } from './goods-synonyms.js';
import type { RefIndex } from './reference-index.js';

/** A wording the matcher recognises, offered when a buyer's good is not recognised. */
interface Candidate {
  /** What to offer: a listed good's name as published (without notes), or a trade name. */
  text: string;
  /** simplify(text) */
  simple: string;
  /** Its words, singular. */
  words: string[];
  /** resolveGood(text).key: one suggestion per good, whatever the wording that came closest. */
  key: string;
}

const candidatesOf = new WeakMap<RefIndex, Candidate[]>();

const wordsOf = (simple: string) => (simple === '' ? [] : simple.split(' ').map(singularise));

/** "Brazil Nuts/Chestnuts" → "Brazil Nuts", "Cobalt ore (heterogenite)" → "Cobalt ore". */
const shownName = (published: string) =>
  published
    .replace(/\([^)]*\)?/g, ' ')
    .split('/')[0]!
    .replace(/\s+/g, ' ')
    .trim();

/** Every listed good's published name, then the trade names and general words, each once. */
const candidates = (index: RefIndex): Candidate[] => {
  const cached = candidatesOf.get(index);
  if (cached) return cached;
  const texts = new Set<string>();
  for (const byKey of index.byCountry.values())
    for (const rows of byKey.values()) for (const row of rows) texts.add(shownName(row.good));
  for (const variant of SYNONYMS.keys()) texts.add(variant);
  for (const group of GOOD_GROUPS.keys()) texts.add(group);
  const out: Candidate[] = [];
  for (const text of texts) {
    const { key, members } = resolveGood(index, text);
    if (members === null) continue; // a synonym of a good this edition of the list does not have
    const simple = simplify(text);
    out.push({ text, simple, words: wordsOf(simple), key });
  }
  candidatesOf.set(index, out);
  return out;
};

const similarity = (a: string, b: string) =>
  a.length === 0 && b.length === 0 ? 1 : 1 - distance(a, b) / Math.max(a.length, b.length);

/**
 * How close a candidate is to the input, 0–1: the better of the whole phrases' edit similarity and how well
 * every word of the candidate is found, misspelt or not, among the input's ("cotten yarnz" holds "cotton"
 * and "yarn"; "auto parts" holds no listed good's words: "parts" is merely like "carrots").
 */
const closeness = (inputSimple: string, inputWords: readonly string[], c: Candidate): number => {
  const whole = similarity(inputSimple, c.simple);
  if (c.words.length === 0 || inputWords.length === 0) return whole;
  let sum = 0;
  for (const w of c.words) {
    let best = 0;
    for (const u of inputWords) {
      const s = similarity(w, u);
      if (s > best) best = s;
    }
    if (best < WORD_FOUND) return whole;
    sum += best;
  }
  // Of two candidates found alike, the one that accounts for more of the input ranks first.
  const coverage = Math.min(c.words.length, inputWords.length) / inputWords.length;
  return Math.max(whole, (sum / c.words.length) * (0.7 + 0.3 * coverage));
};

/** A word counts as found when this similar (one letter wrong in five). */
const WORD_FOUND = 0.75;

/** Below this, a listed good is not offered: a suggestion should look like what the buyer meant. */
const MIN_CLOSENESS = 0.65;

/**
 * The listed goods closest to `input`, best first, at most `n`, one per good (the wording that came
 * closest: a published name or a trade name, each recognised as it is). Empty when nothing is close.
 * Meant for a good that resolveGood does not recognise; for one it does, its own good comes first.
 */
export const closestGoods = (index: RefIndex, input: string, n = 3): string[] => {
  const simple = simplify(input);
  if (simple === '' || n <= 0) return [];
  const words = wordsOf(simple).filter((w) => !QUALIFIERS.has(w));
  const best = new Map<string, { text: string; score: number }>();
  for (const c of candidates(index)) {
    const score = closeness(simple, words, c);
    if (score < MIN_CLOSENESS) continue;
    const seen = best.get(c.key);
    if (!seen || score > seen.score || (score === seen.score && c.text < seen.text))
      best.set(c.key, { text: c.text, score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.text.localeCompare(b.text))
    .slice(0, n)
    .map((b) => b.text);
};
