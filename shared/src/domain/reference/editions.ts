import {
  DIFF_SHOWN,
  type EditionChange,
  type EditionContent,
  type EditionDiff,
  type LoadableKind,
} from '../../schemas/datasets.js';
import { sortListings } from './parse.js';
import type { CountryFacts, DatasetInfo, IlabListing, ReferenceData, TipTier } from './types.js';

/** A loaded edition as scoring uses it: how it is cited, and its rows. */
export interface LoadedEdition {
  info: DatasetInfo;
  content: EditionContent;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sortedCountries = (byIso: Map<string, CountryFacts>): Record<string, CountryFacts> => {
  const out: Record<string, CountryFacts> = {};
  for (const code of [...byIso.keys()].sort(compare)) out[code] = byIso.get(code)!;
  return out;
};

/**
 * `base` with one dataset replaced by a loaded edition: its citation (the datasets list) and its facts. A
 * country that no dataset covers any more is left out, as parse.ts leaves it out of the shipped data.
 */
export const withEdition = (base: ReferenceData, loaded: LoadedEdition): ReferenceData => {
  const { info, content } = loaded;
  const datasets = [...base.datasets.filter((d) => d.kind !== content.kind), info].sort((a, b) =>
    compare(a.id, b.id),
  );
  if (content.kind === 'ilab') {
    return { ...base, datasets, ilab: sortListings([...content.rows]) };
  }
  const byIso = new Map(Object.entries(base.countries));
  const tipOf = new Map(content.kind === 'us_tip' ? content.rows.map((r) => [r.iso2, r]) : []);
  const gsiOf = new Map(content.kind === 'gsi' ? content.rows.map((r) => [r.iso2, r]) : []);
  for (const code of new Set([...byIso.keys(), ...tipOf.keys(), ...gsiOf.keys()])) {
    const old = byIso.get(code);
    const next: CountryFacts = old ? { ...old } : { iso2: code, name: code, tip: null, gsi: null };
    if (content.kind === 'us_tip') {
      const r = tipOf.get(code);
      next.tip = r ? { tier: r.tier, edition: info.edition } : null;
      if (!old && r) next.name = r.name;
    } else {
      const r = gsiOf.get(code);
      next.gsi = r
        ? {
            prevalencePer1000: r.prevalencePer1000,
            vulnerability: r.vulnerability,
            governmentResponse: r.governmentResponse,
            edition: info.edition,
          }
        : null;
      // The GSI spelling comes first, as in the shipped data.
      if (r) next.name = r.name;
    }
    if (next.tip || next.gsi) byIso.set(code, next);
    else byIso.delete(code);
  }
  return { ...base, datasets, countries: sortedCountries(byIso) };
};

/** `base` with every loaded edition swapped in (at most one per kind). */
export const withEditions = (base: ReferenceData, loaded: LoadedEdition[]): ReferenceData =>
  loaded.reduce(withEdition, base);

const TIER_WORDS: Record<TipTier, string> = {
  '1': 'Tier 1',
  '2': 'Tier 2',
  '2WL': 'Tier 2 Watch List',
  '3': 'Tier 3',
  special_case: 'Special Case',
};

/** "Shrimp" reads "shrimp" inside a sentence; "PVC" and "Brazil nuts" keep their capitals. */
const inSentence = (good: string): string =>
  /^[A-Z][a-z]/.test(good) && !/^[A-Z][a-z]+ [A-Z]/.test(good)
    ? good[0]!.toLowerCase() + good.slice(1)
    : good;

const labourWords = (l: IlabListing): string => {
  if (l.basis === 'downstream_input')
    return `made with an input listed${l.inputIso2 ? ` for ${l.inputIso2}` : ''}`;
  const kinds = [
    l.childLabor ? 'child labour' : null,
    l.forcedLabor ? 'forced labour' : null,
    l.forcedChildLabor ? 'forced child labour' : null,
  ].filter((k): k is string => k !== null);
  return kinds.join(', ');
};

const number = (v: number | null) => (v === null ? 'no estimate' : String(v));

type Keyed<T> = Map<string, T>;

/** Adds, removes and changes between two keyed sets, worded by the callbacks. */
const diffMaps = <T>(
  before: Keyed<T>,
  after: Keyed<T>,
  iso2Of: (t: T) => string,
  words: {
    added: (t: T) => string;
    removed: (t: T) => string;
    changed: (a: T, b: T) => string | null;
  },
): EditionChange[] => {
  const out: EditionChange[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) out.push({ change: 'removed', iso2: iso2Of(b), text: words.removed(b) });
    else {
      const text = words.changed(b, a);
      if (text) out.push({ change: 'changed', iso2: iso2Of(a), text });
    }
  }
  for (const [key, a] of after) {
    if (!before.has(key)) out.push({ change: 'added', iso2: iso2Of(a), text: words.added(a) });
  }
  return out;
};

const changesOf = (kind: LoadableKind, before: ReferenceData, after: ReferenceData): EditionChange[] => {
  const nameOf = (iso2: string) => after.countries[iso2]?.name ?? before.countries[iso2]?.name ?? iso2;
  if (kind === 'ilab') {
    const keyed = (ref: ReferenceData) =>
      new Map(ref.ilab.map((l) => [`${l.iso2} ${l.good.toLowerCase()}`, l]));
    return diffMaps(keyed(before), keyed(after), (l) => l.iso2, {
      added: (l) => `${l.good} added for ${nameOf(l.iso2)} (${labourWords(l)})`,
      removed: (l) => `${nameOf(l.iso2)} ${inSentence(l.good)} removed`,
      changed: (b, a) => {
        const parts: string[] = [];
        if (labourWords(b) !== labourWords(a)) parts.push(`${labourWords(b)} → ${labourWords(a)}`);
        if (b.sector !== a.sector) parts.push(`sector ${b.sector} → ${a.sector}`);
        return parts.length ? `${nameOf(a.iso2)} ${inSentence(a.good)}: ${parts.join('; ')}` : null;
      },
    });
  }
  if (kind === 'us_tip') {
    const keyed = (ref: ReferenceData) =>
      new Map(
        Object.values(ref.countries)
          .filter((c) => c.tip)
          .map((c) => [c.iso2, { iso2: c.iso2, tier: c.tip!.tier }]),
      );
    return diffMaps(keyed(before), keyed(after), (t) => t.iso2, {
      added: (t) => `${nameOf(t.iso2)} added: ${TIER_WORDS[t.tier]}`,
      removed: (t) => `${nameOf(t.iso2)} removed (was ${TIER_WORDS[t.tier]})`,
      changed: (b, a) =>
        b.tier === a.tier ? null : `${nameOf(a.iso2)}: ${TIER_WORDS[b.tier]} → ${TIER_WORDS[a.tier]}`,
    });
  }
  const keyed = (ref: ReferenceData) =>
    new Map(
      Object.values(ref.countries)
        .filter((c) => c.gsi)
        .map((c) => [c.iso2, { iso2: c.iso2, ...c.gsi! }]),
    );
  const fields = [
    ['prevalencePer1000', 'prevalence per 1,000'],
    ['vulnerability', 'vulnerability'],
    ['governmentResponse', 'government response'],
  ] as const;
  return diffMaps(keyed(before), keyed(after), (g) => g.iso2, {
    added: (g) => `${nameOf(g.iso2)} added: prevalence ${number(g.prevalencePer1000)} per 1,000`,
    removed: (g) => `${nameOf(g.iso2)} removed`,
    changed: (b, a) => {
      const parts = fields
        .filter(([f]) => b[f] !== a[f])
        .map(([f, label]) => `${label} ${number(b[f])} → ${number(a[f])}`);
      return parts.length ? `${nameOf(a.iso2)}: ${parts.join('; ')}` : null;
    },
  });
};

const ORDER = { removed: 0, changed: 1, added: 2 } as const;

/**
 * What replacing `before`'s dataset of `kind` by `after`'s changes, row by row, in words an officer reads
 * before anything is activated.
 */
export const diffReference = (
  kind: LoadableKind,
  before: ReferenceData,
  after: ReferenceData,
): EditionDiff => {
  const dataset = (ref: ReferenceData) => {
    const d = ref.datasets.find((x) => x.kind === kind);
    return { id: d?.id ?? '', edition: d?.edition ?? '' };
  };
  const all = changesOf(kind, before, after);
  const nameOf = (iso2: string) => after.countries[iso2]?.name ?? before.countries[iso2]?.name ?? iso2;
  all.sort(
    (x, y) =>
      nameOf(x.iso2).localeCompare(nameOf(y.iso2)) ||
      ORDER[x.change] - ORDER[y.change] ||
      x.text.localeCompare(y.text),
  );
  const count = (c: EditionChange['change']) => all.filter((x) => x.change === c).length;
  return {
    kind,
    from: dataset(before),
    to: dataset(after),
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    changes: all.slice(0, DIFF_SHOWN),
  };
};
