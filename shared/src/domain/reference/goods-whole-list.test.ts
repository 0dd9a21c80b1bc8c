// Goods matching over the whole shipped ILAB list, generated from the list itself rather than from examples:
// every published good, written the ways buyers write it, must reach the same ILAB rows (issue 8, defect 1).
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../scoring/default-policy.js';
import { score } from '../scoring/score.js';
import { matchGood, normaliseGood, resolveGood } from './goods.js';
import { loadReferenceData } from './load-node.js';
import { indexReference } from './reference-index.js';

const ref = loadReferenceData();
const index = indexReference(ref);
const publishedNames = [...new Set(ref.ilab.map((l) => l.good))].sort();
const listedKeys = [...new Set(ref.ilab.map((l) => l.goodKey))];

const QUALIFIERS = ['crude', 'refined', 'raw', 'fresh', 'frozen', 'dried', 'processed', 'organic', 'natural'];

/** The name without its parenthesised note and "/alternative": "Brazil Nuts/Chestnuts" → "Brazil Nuts". */
const baseName = (name: string) =>
  name
    .replace(/\([^)]*\)/g, ' ')
    .split('/')[0]!
    .replace(/\s+/g, ' ')
    .trim();

const pluralise = (word: string) =>
  /[^aeiou]y$/i.test(word)
    ? `${word.slice(0, -1)}ies`
    : /(s|x|ch|sh|o)$/i.test(word)
      ? `${word}es`
      : `${word}s`;

/** The other number of the last word: "Tomatoes" → "Tomato", "Cotton" → "Cottons", "Glass" → "Glasses". */
const otherNumber = (base: string): string => {
  const words = base.split(' ');
  const last = words.pop()!;
  const head = words.length > 0 ? `${words.join(' ')} ` : '';
  if (/ies$/i.test(last)) return `${head}${last.slice(0, -3)}y`;
  if (/(oes|ches|shes|xes)$/i.test(last)) return `${head}${last.slice(0, -2)}`;
  if (/s$/i.test(last) && !/(ss|us)$/i.test(last)) return `${head}${last.slice(0, -1)}`;
  return `${head}${pluralise(last)}`;
};

const variantsOf = (name: string): string[] => {
  const base = baseName(name);
  return [
    name,
    name.toUpperCase(),
    ` ${name.toLowerCase()} `,
    base,
    otherNumber(base),
    ...QUALIFIERS.flatMap((q) => [`${q} ${name}`, `${base}, ${q}`, `${q} ${otherNumber(base)}`]),
  ];
};

const resolution = (input: string) => {
  const r = resolveGood(index, input);
  return { key: r.key, members: r.members ? [...r.members].sort() : null };
};

/** Trade names and other wordings of listed goods, by the published name they must match like. */
const TRADE_NAMES: Record<string, string[]> = {
  'Palm Fruit': [
    'palm',
    'palm oil',
    'crude palm oil',
    'CPO',
    'RBD palm oil',
    'palm olein',
    'palm kernel oil',
    'palm kernels',
    'oil palm',
    'fresh fruit bunches',
  ],
  'Tomato Products': ['tomatoes', 'tomato paste', 'tomato purée', 'canned tomatoes', 'ketchup'],
  'Solar Modules': [
    'solar panels',
    'solar modules',
    'PV modules',
    'photovoltaic panels',
    'solar cells',
    'solar wafers',
  ],
  Cotton: ['cotton lint', 'seed cotton', 'ginned cotton'],
  Garments: ['apparel', 'clothing', 'ready-made garments', 'T-shirts'],
  'Thread/Yarn': ['yarn', 'threads'],
  Shrimp: ['prawns'],
  Cocoa: ['cocoa beans', 'cacao'],
  Sugarcane: ['sugar cane', 'cane sugar'],
  Fish: ['dried fish', 'dry fish', 'fishes'],
  'Manioc/Cassava': ['cassava'],
  'Brazil Nuts/Chestnuts': ['chestnuts'],
  'Khat/Miraa (stimulant plant)': ['miraa', 'qat'],
  'Tantalum ore (coltan)': ['coltan'],
  'Tin ore (cassiterite)': ['cassiterite', 'tin ore'],
  Gold: ['gold ore', 'gold bullion'],
  'Lithium-Ion Batteries': ['li-ion batteries', 'lithium batteries'],
  Fireworks: ['pyrotechnics', 'firecrackers'],
  'Rubber Gloves': ['nitrile gloves', 'latex gloves'],
  Electronics: ['electronic components', 'printed circuit boards'],
  'Trona (mineral)': ['soda ash'],
  Coal: ['lignite', 'anthracite'],
  'Alcoholic Beverages': ['beer', 'wine', 'spirits'],
  'Baked Goods': ['bakery products', 'bread'],
  'Dairy Products': ['milk', 'cheese'],
};

describe(`goods matching over the whole ILAB list (${publishedNames.length} published names, ${listedKeys.length} goods)`, () => {
  it('covers every good on the list', () => {
    expect(listedKeys.length).toBeGreaterThanOrEqual(140);
  });

  it.each(publishedNames)('%s: every wording resolves to the same listed goods', (name) => {
    const expected = resolution(name);
    expect(expected.members, name).not.toBeNull();
    expect(expected.members).toContain(normaliseGood(name));
    for (const variant of variantsOf(name)) expect(resolution(variant), variant).toEqual(expected);
  });

  it.each(publishedNames)('%s: its published name finds its own row in every country listing it', (name) => {
    for (const row of ref.ilab.filter((l) => l.good === name)) {
      const m = matchGood(index, row.iso2, name);
      expect(m.status, `${row.iso2} ${name}`).toBe('listed');
      expect(m.listings).toContain(row);
    }
  });

  it.each(Object.entries(TRADE_NAMES))(
    '%s: trade names resolve like the published name',
    (name, variants) => {
      expect(publishedNames).toContain(name);
      const expected = resolution(name);
      for (const variant of variants) expect(resolution(variant), variant).toEqual(expected);
    },
  );

  it.each([
    'oil',
    'crude oil',
    'vegetable oil',
    'fish oil',
    'paste',
    'panels',
    'modules',
    'cells',
    'battery',
    'lead-acid batteries',
    'products',
    'goods',
    'raw',
    'fresh produce',
    'chemicals',
    'kernels',
    'leaves',
    'steel',
    'plastic',
    'machinery',
  ])('a generic word matches no listed good: %j', (input) => {
    expect(resolveGood(index, input).members).toBeNull();
  });

  it.each([
    ['Palm Thatch', 'palm oil'],
    ['Sweet Potatoes', 'potatoes'],
    ['Sugar Beets', 'sugarcane'],
    ['Cottonseed (hybrid)', 'cotton'],
    ['Glass Bangles', 'glass'],
    ['Rubber', 'rubber gloves'],
    ['Leather', 'leather goods'],
  ])('distinct listed goods stay distinct: %j is not %j', (a, b) => {
    const ra = resolution(a);
    const rb = resolution(b);
    expect(ra.members).not.toEqual(rb.members);
    expect(rb.members ?? []).not.toContain(normaliseGood(a));
  });
});

describe('the issue 8 wordings score alike', () => {
  const goodsPoints = (iso2: string, good: string) => {
    const profile = {
      country: iso2,
      goods: [good],
      tier: 1,
      headcount: null,
      migrantWorkerShare: null,
      agencyWorkerShare: null,
    };
    const r = score(DEFAULT_POLICY, profile, [], ref);
    return r.inherent.factors.find((f) => f.key === 'ilab_goods')!.points;
  };

  it.each([
    ['MY', ['palm oil', 'palm', 'crude palm oil', 'Palm Fruit', 'refined palm oil']],
    ['CN', ['tomatoes', 'tomato paste', 'Tomato Products']],
    ['CN', ['solar panels', 'solar modules', 'Solar Modules', 'polysilicon']],
  ] as const)('%s %j', (iso2, wordings) => {
    const points = wordings.map((g) => goodsPoints(iso2, g));
    expect(new Set(points).size, JSON.stringify(points)).toBe(1);
    // listed for the country: never the "listed elsewhere" or "unknown" points
    for (const g of wordings) expect(matchGood(index, iso2, g).status, g).toBe('listed');
  });
});
